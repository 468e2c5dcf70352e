using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace RecruitOps.Auth;

/// <summary>
/// What the page needs to decide what to show: who the caller is, what they may do, the CSRF value for writes (the
/// cookie is HttpOnly, so the page cannot read it after a reload), and whether local sign-in is on. Always 200:
/// being signed out is an answer here, not an error.
/// </summary>
public sealed class SessionFunctions(IOptions<AuthOptions> options, CallerIdentifier identifier)
{
    [Function(nameof(CurrentSession))]
    public async Task<IResult> CurrentSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/me")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var caller = await identifier.IdentifyAsync(request.HttpContext, cancellationToken);
        var signInRoles = settings.LocalSignInEnabled ? settings.Readers.Union(settings.Writers, StringComparer.Ordinal).ToList() : [];
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!caller.IsValid || ActorClaims.Problem(caller.Check.Identity!, settings) is not null)
        {
            return TypedResults.Ok(new SessionInfo(false, null, false, false, null, null, settings.LocalSignInEnabled, signInRoles));
        }

        var identity = caller.Check.Identity!;
        var roles = identity.FindAll(settings.RoleClaim).Select(claim => claim.Value).ToList();
        // The role shown is the most capable one the token holds.
        var role = roles.FirstOrDefault(settings.Writers.Contains)
            ?? roles.FirstOrDefault(settings.Readers.Contains)
            ?? roles.FirstOrDefault()
            ?? "";
        return TypedResults.Ok(new SessionInfo(
            true,
            ActorClaims.ToActor(identity, settings, role),
            roles.Any(settings.Readers.Contains),
            roles.Any(settings.Writers.Contains),
            identity.FindFirst(settings.CsrfClaim)?.Value,
            caller.Check.ExpiresAt,
            settings.LocalSignInEnabled,
            signInRoles));
    }

    /// <summary>Removes the cookie; harmless when signed out. A bearer token cannot be revoked here: the client drops it.</summary>
    [Function(nameof(SignOut))]
    public IResult SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/sign-out")] HttpRequest request)
    {
        request.HttpContext.Response.Cookies.Delete(options.Value.CookieName, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = "/",
        });
        return TypedResults.NoContent();
    }
}
