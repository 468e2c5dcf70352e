using System.Security.Claims;

namespace RecruitOps.Auth;

/// <summary>The outcome of validating a token: its claims and expiry, or why it was refused.</summary>
public sealed record TokenCheck(ClaimsIdentity? Identity, DateTimeOffset ExpiresAt, TokenFailure Failure)
{
    public static TokenCheck Refused(TokenFailure failure) => new(null, default, failure);
}
