using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RecruitOps.Operations;

namespace RecruitOps.Auth;

/// <summary>
/// Local runs only (<c>Auth:LocalSignInEnabled</c>, refused at start in Production): mints a short-lived token for
/// any user and a configured role, so a newcomer can use the page and the replay command without the app that
/// normally issues tokens. The token is set as the HttpOnly cookie and also returned, with its CSRF value, for
/// callers that prefer the Authorization header. 404 when disabled.
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
        if (!settings.LocalSignInEnabled || keys.Key is null)
        {
            return Problems.NotFound("Local sign-in is turned off.");
        }

        (string Sub, string Name, string Role)? fields;
        try
        {
            fields = await ReadFieldsAsync(request, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            // Form limits exceeded or a malformed multipart body: the caller's mistake, answered as such (not as a
            // missing sub and role, which the caller may well have sent).
            return Problems.Invalid("body", $"The form could not be read: {ex.Message}");
        }

        if (fields is null)
        {
            return Problems.UnsupportedMediaType("Send sub, name and role as application/x-www-form-urlencoded.");
        }

        var (sub, name, role) = fields.Value;
        var roles = settings.Readers.Union(settings.Writers, StringComparer.Ordinal).ToList();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!RequestFields.IsKey(sub))
        {
            errors["sub"] = ["Use 1 to 64 of the characters A-Z a-z 0-9 _ -."];
        }

        if (!roles.Contains(role, StringComparer.Ordinal))
        {
            errors["role"] = [$"Must be one of: {string.Join(", ", roles)}."];
        }

        if (TextRules.Problem(name, allowLineBreaks: false) is not null ||
            TextRules.CountCharacters(name.Trim()) > JwtRequestAuthenticator.MaxNameLength)
        {
            errors["name"] = [$"At most {JwtRequestAuthenticator.MaxNameLength} characters, with no control characters."];
        }

        return errors.Count > 0 ? Problems.Invalid(errors) : Issue(request, settings, sub, name.Trim(), role);
    }

    private Ok<LocalToken> Issue(HttpRequest request, AuthOptions settings, string sub, string name, string role)
    {
        var now = timeProvider.GetUtcNow();
        var csrf = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(
            [
                new Claim(settings.SubjectClaim, sub),
                new Claim(settings.NameClaim, name.Length == 0 ? sub : name),
                new Claim(settings.RoleClaim, role),
                new Claim(settings.CsrfClaim, csrf),
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

    /// <summary>A form body (as the page and the replay command send), or the query string when there is no body.</summary>
    private static async Task<(string Sub, string Name, string Role)?> ReadFieldsAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (form["sub"].ToString(), form["name"].ToString(), form["role"].ToString());
        }

        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            return null;
        }

        return (request.Query["sub"].ToString(), request.Query["name"].ToString(), request.Query["role"].ToString());
    }
}
