using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RecruitOps.Operations;

namespace RecruitOps.Auth;

/// <summary>
/// Authenticates the caller (<see cref="CallerIdentifier"/>), checks the double-submit CSRF header on cookie-borne
/// writes, and authorizes by role. Order matters: 401 before anything else, so a refusal never hints at roles.
/// </summary>
public sealed class JwtRequestAuthenticator(IOptions<AuthOptions> options, CallerIdentifier identifier) : IRequestAuthenticator
{
    public const string CsrfHeaderName = "X-CSRF-TOKEN";
    public const int MaxNameLength = OperationLimits.MaxRecruitNameLength;
    public const int MaxSubjectLength = 128;

    public async ValueTask<AuthResult> AuthenticateAsync(HttpRequest request, AccessLevel level, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var caller = await identifier.IdentifyAsync(request.HttpContext, cancellationToken);
        if (caller.Source == TokenSource.None)
        {
            return AuthResult.Fail(AuthProblems.MissingToken());
        }

        if (caller.Check.Failure == TokenFailure.AuthorityUnavailable)
        {
            return AuthResult.Fail(AuthProblems.AuthorityUnavailable());
        }

        if (!caller.IsValid)
        {
            return AuthResult.Fail(AuthProblems.InvalidToken("The access token is not valid or has expired."));
        }

        var identity = caller.Check.Identity!;
        if (ActorClaims.Problem(identity, settings) is { } claimProblem)
        {
            return AuthResult.Fail(AuthProblems.InvalidToken(claimProblem));
        }

        if (caller.Source == TokenSource.Cookie && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) &&
            !CsrfMatches(request, identity.FindFirst(settings.CsrfClaim)?.Value))
        {
            return AuthResult.Fail(AuthProblems.Forbidden(
                $"A cookie-authenticated {request.Method} must carry the {CsrfHeaderName} header from sign-in."));
        }

        var allowed = level == AccessLevel.Read ? settings.Readers : settings.Writers;
        var role = identity.FindAll(settings.RoleClaim)
            .Select(claim => claim.Value)
            .FirstOrDefault(value => allowed.Contains(value, StringComparer.Ordinal));
        if (role is null)
        {
            return AuthResult.Fail(AuthProblems.Forbidden($"This needs one of the roles: {string.Join(", ", allowed)}."));
        }

        return new AuthResult(ActorClaims.ToActor(identity, settings, role), null, caller.Check.ExpiresAt);
    }

    /// <summary>Constant-time, so the header cannot be guessed a byte at a time from response timing.</summary>
    internal static bool CsrfMatches(HttpRequest request, string? expected)
    {
        var sent = request.Headers[CsrfHeaderName];
        if (string.IsNullOrEmpty(expected) || sent.Count != 1 || string.IsNullOrEmpty(sent[0]))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent[0]!), Encoding.UTF8.GetBytes(expected));
    }
}
