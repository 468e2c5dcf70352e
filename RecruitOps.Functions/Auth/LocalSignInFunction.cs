using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RecruitOps.Operations;

namespace RecruitOps.Auth;

/// <summary>
/// Local runs only (<c>Auth:LocalSignInEnabled</c>): mints a short-lived token for any user and role, so a newcomer
/// can use the page and the replay command without the app that normally issues tokens. 404 when disabled.
/// </summary>
public sealed class LocalSignInFunction(IOptions<AuthOptions> options, SigningKeyProvider keys, TimeProvider timeProvider)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    [Function(nameof(LocalSignIn))]
    public async Task<IResult> LocalSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/local-sign-in")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.LocalSignInEnabled)
        {
            return Problems.NotFound("Local sign-in is turned off.");
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var sub = form?["sub"].ToString() ?? request.Query["sub"].ToString();
        var role = form?["role"].ToString() ?? request.Query["role"].ToString();
        var name = form?["name"].ToString() ?? request.Query["name"].ToString();
        if (!RequestFields.IsKey(sub))
        {
            return Problems.Invalid("sub", "Use 1 to 64 of the characters A-Z a-z 0-9 _ -.");
        }

        if (!RequestFields.IsKey(role))
        {
            return Problems.Invalid("role", "Use 1 to 64 of the characters A-Z a-z 0-9 _ -.");
        }

        var now = timeProvider.GetUtcNow();
        var csrf = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(
            [
                new Claim(settings.SubjectClaim, sub),
                new Claim(settings.NameClaim, string.IsNullOrWhiteSpace(name) ? sub : name.Trim()),
                new Claim(settings.RoleClaim, role),
                new Claim("csrf", csrf),
            ]),
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + TokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });

        request.HttpContext.Response.Cookies.Append(settings.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = "/",
            Expires = now + TokenLifetime,
        });
        return TypedResults.Ok(new LocalToken(token, csrf, now + TokenLifetime));
    }
}

public sealed record LocalToken(string AccessToken, string Csrf, DateTimeOffset ExpiresAt);
