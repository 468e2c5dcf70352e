using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RecruitOps.Operations;

namespace RecruitOps.Auth;

/// <summary>Validates the JWT the existing app issues, from its cookie or an Authorization: Bearer header.</summary>
public sealed class JwtRequestAuthenticator(IOptions<AuthOptions> options, SigningKeyProvider keys) : IRequestAuthenticator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async ValueTask<AuthResult> AuthenticateAsync(HttpRequest request, AccessLevel level, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var token = ReadToken(request, settings.CookieName);
        if (token is null)
        {
            return AuthResult.Fail(Problems.Unauthorized("Sign in: no access token was sent."));
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = keys.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = settings.Issuer is not null,
            ValidIssuer = settings.Issuer,
            ValidateAudience = settings.Audience is not null,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = settings.NameClaim,
            RoleClaimType = settings.RoleClaim,
        });
        if (!result.IsValid)
        {
            return AuthResult.Fail(Problems.Unauthorized("The access token is not valid or has expired."));
        }

        var identity = result.ClaimsIdentity;
        var actor = new Actor(
            identity.FindFirst(settings.SubjectClaim)?.Value ?? string.Empty,
            identity.FindFirst(settings.NameClaim)?.Value ?? string.Empty,
            identity.FindFirst(settings.RoleClaim)?.Value ?? string.Empty);
        if (actor.Sub.Length == 0)
        {
            return AuthResult.Fail(Problems.Unauthorized("The access token names no subject."));
        }

        var allowed = level == AccessLevel.Read ? settings.ReaderRoles : settings.WriterRoles;
        if (!identity.FindAll(settings.RoleClaim).Any(claim => allowed.Contains(claim.Value, StringComparer.Ordinal)))
        {
            return AuthResult.Fail(Problems.Forbidden($"This needs one of the roles: {string.Join(", ", allowed)}."));
        }

        return new AuthResult(actor, null, result.SecurityToken.ValidTo);
    }

    private static string? ReadToken(HttpRequest request, string cookieName)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Cookies.TryGetValue(cookieName, out var cookie) && cookie.Length > 0 ? cookie : null;
    }
}
