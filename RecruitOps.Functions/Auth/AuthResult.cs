using Microsoft.AspNetCore.Http;
using RecruitOps.Operations;

namespace RecruitOps.Auth;

/// <summary>The caller, or the problem response (401/403) to send instead.</summary>
public sealed record AuthResult(Actor? Actor, IResult? Failure, DateTimeOffset? ExpiresAt)
{
    public static AuthResult Fail(IResult failure) => new(null, failure, null);
}
