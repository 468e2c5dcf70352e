using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Auth;

/// <summary>
/// Tokens for the hostile suite, good and bad: shared-key (HS256) tokens the way the existing app signs them, RS256
/// tokens from the test authority's key, and the classic forgeries built by hand.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://issuer.recruitops.test";
    public const string Audience = "api://recruitops-tests";
    public const string AuthorityIssuer = "https://login.recruitops.test/tenant/v2.0";
    public const string AuthorityKeyId = "test-key-1";

    /// <summary>The test authority's signing key; <see cref="FakeOidcAuthority"/> publishes its public half.</summary>
    public static readonly RsaSecurityKey AuthorityKey = new(RSA.Create(2048)) { KeyId = AuthorityKeyId };

    public static readonly SymmetricSecurityKey SharedKey = new(Encoding.UTF8.GetBytes(TestApp.SigningKey));

    public static string Csrf(string sub) => "csrf-" + sub;

    public static string Shared(
        string role = "kancho",
        string sub = "u-hostile",
        string? name = "Hostile Test",
        string issuer = Issuer,
        string audience = Audience,
        TimeSpan? expiresIn = null,
        TimeSpan? notBeforeIn = null,
        SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.HmacSha256) =>
        Create(Claims(role, sub, name), issuer, audience, expiresIn, notBeforeIn,
            new SigningCredentials(key ?? SharedKey, algorithm));

    public static string FromAuthority(
        string role = "kancho",
        string sub = "u-entra",
        string issuer = AuthorityIssuer,
        string audience = Audience,
        TimeSpan? expiresIn = null,
        SecurityKey? key = null) =>
        Create(Claims(role, sub, "Entra User"), issuer, audience, expiresIn, null,
            new SigningCredentials(key ?? AuthorityKey, SecurityAlgorithms.RsaSha256));

    public static string WithClaims(IEnumerable<Claim> claims, TimeSpan? expiresIn = null) =>
        Create(claims, Issuer, Audience, expiresIn, null, new SigningCredentials(SharedKey, SecurityAlgorithms.HmacSha256));

    /// <summary>The algorithm confusion attack: HS256 keyed with the bytes of the authority's public key (its PEM).</summary>
    public static string SignedWithAuthorityPublicKey()
    {
        var publicPem = AuthorityKey.Rsa.ExportSubjectPublicKeyInfoPem();
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(publicPem));
        return Create(Claims("kancho", "u-confused", "Confused"), AuthorityIssuer, Audience, null, null,
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
    }

    /// <summary>A correctly signed token with no <c>exp</c>: it would never expire.</summary>
    public static string WithoutExpiry() =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(Claims("kancho", "u-forever", "Forever")),
            Issuer = Issuer,
            Audience = Audience,
            SigningCredentials = new SigningCredentials(SharedKey, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise perfect claims.</summary>
    public static string WithoutSignature(string alg = "none")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = $$"""{"alg":"{{alg}}","typ":"JWT"}""";
        var payload = $$"""{"sub":"u-none","name":"None","role":"kancho","csrf":"csrf-u-none","iss":"{{Issuer}}","aud":"{{Audience}}","iat":{{now}},"nbf":{{now}},"exp":{{now + 3600}}}""";
        return $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";
    }

    /// <summary>
    /// Right key, other algorithm: HS512 computed by hand, since the library (rightly) refuses a key this short for it.
    /// </summary>
    public static string Hs512WithSharedKey()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"HS512","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"sub":"u-512","role":"recruiter","iss":"{{Issuer}}","aud":"{{Audience}}","iat":{{now}},"nbf":{{now}},"exp":{{now + 3600}}}""");
        var signature = HMACSHA512.HashData(SharedKey.Key, Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>Correctly signed, but its header makes an extension the app does not know critical.</summary>
    public static string WithCriticalHeader()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","typ":"JWT","crit":["x-must-know"],"x-must-know":1}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"sub":"u-crit","role":"kancho","csrf":"csrf-u-crit","iss":"{{Issuer}}","aud":"{{Audience}}","iat":{{now}},"nbf":{{now}},"exp":{{now + 3600}}}""");
        var signature = HMACSHA256.HashData(SharedKey.Key, Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>A valid token whose payload was edited after signing (role raised), keeping the old signature.</summary>
    public static string Tampered()
    {
        var parts = Shared(role: "recruiter").Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"recruiter\"", "\"kancho\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private static List<Claim> Claims(string role, string sub, string? name)
    {
        var claims = new List<Claim> { new("sub", sub), new("role", role), new("csrf", Csrf(sub)) };
        if (name is not null)
        {
            claims.Add(new Claim("name", name));
        }

        return claims;
    }

    private static string Create(
        IEnumerable<Claim> claims, string issuer, string audience, TimeSpan? expiresIn, TimeSpan? notBeforeIn, SigningCredentials credentials)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var notBefore = now + (notBeforeIn ?? TimeSpan.Zero);
        var issuedAt = notBefore < expires ? notBefore : expires - TimeSpan.FromHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = notBefore < expires ? notBefore : issuedAt,
            Expires = expires,
            SigningCredentials = credentials,
        });
    }
}
