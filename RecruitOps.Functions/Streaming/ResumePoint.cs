using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using RecruitOps.Operations;

namespace RecruitOps.Streaming;

/// <summary>
/// Where a resuming client left off: the <c>Last-Event-ID</c> header the browser sends when it reconnects, else the
/// <c>lastEventId</c> query parameter for clients that cannot set headers. The raw value never reaches a query: it is
/// decoded to its time and random parts and formatted again, or rejected.
/// </summary>
public static class ResumePoint
{
    public const string HeaderName = "Last-Event-ID";
    public const string QueryName = "lastEventId";

    /// <summary>The raw resume value, or null when the client is not resuming. The header wins over the query.</summary>
    public static string? Read(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var query = request.Query[QueryName].ToString();
        return query.Length > 0 ? query : null;
    }

    /// <summary>A well-formed operation id (or time position) re-formatted from its decoded parts.</summary>
    public static bool TryNormalize(string raw, [NotNullWhen(true)] out string? id) => OperationId.TryNormalize(raw, out id);
}
