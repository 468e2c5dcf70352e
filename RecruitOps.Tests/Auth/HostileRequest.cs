using System.Net;

namespace RecruitOps.Tests.Auth;

/// <summary>
/// One row of the hostile suite: how to build the request (given an operation id that exists), the only status it
/// may get, and for validation failures the field the problem must name.
/// </summary>
public sealed record HostileRequest(HttpStatusCode Status, Func<string, HttpRequestMessage> Build, string? Field = null)
{
    /// <summary>Sent from another origin: the answer must carry no CORS header that would let the page read it.</summary>
    public bool CrossOrigin { get; init; }
}
