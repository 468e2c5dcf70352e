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

    // The same Crockford base32 alphabet OperationId formats with.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

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
    public static bool TryNormalize(string raw, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (!OperationId.TryGetTime(raw, out var time))
        {
            return false;
        }

        UInt128 random = 0;
        foreach (var c in raw.AsSpan(10))
        {
            random = (random << 5) | (uint)Alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        id = OperationId.Format(time.ToUnixTimeMilliseconds(), random);
        return true;
    }
}
