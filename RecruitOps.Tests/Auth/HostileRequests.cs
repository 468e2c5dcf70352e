using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace RecruitOps.Tests.Auth;

/// <summary>
/// The table of hostile and malformed requests. Each is otherwise well-formed, so the one thing wrong with it is
/// what must be refused. Built once; <see cref="HostileRequestTests"/> runs each row as its own test case.
/// </summary>
public static partial class HostileRequests
{
    public const string Operations = "/api/recruits/operations";
    public const string Stream = "/api/recruits/operations/stream";

    /// <summary>Strings that mean something to some interpreter: OData, HTML, SQL, URL encoding, paths, lookalikes, our row keys.</summary>
    public static readonly string[] Injections =
    [
        "R1' or PartitionKey ne '",
        "<script>alert(1)</script>",
        "' OR 1=1; DROP TABLE ops; --",
        "R1%00",
        "../../health",
        "R１０００１",
        "${jndi:ldap://127.0.0.1/a}",
        "r|R10001|",
    ];

    public static readonly IReadOnlyDictionary<string, HostileRequest> All = Build();

    private static string Writer => TestTokens.Shared(role: "recruiter", sub: "u-writer");

    private static string Reader => TestTokens.Shared(role: "kancho", sub: "u-reader");

    private static Dictionary<string, HostileRequest> Build()
    {
        var cases = new Dictionary<string, HostileRequest>(StringComparer.Ordinal);
        AddTokenCases(cases);
        AddRoleCases(cases);
        AddCsrfAndCorsCases(cases);
        AddBodyCases(cases);
        AddInjectionCases(cases);
        AddRoutingCases(cases);
        return cases;
    }

    private static void AddTokenCases(Dictionary<string, HostileRequest> cases)
    {
        var otherKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var otherRsa = new RsaSecurityKey(RSA.Create(2048)) { KeyId = TestTokens.AuthorityKeyId };
        Unauthorized(cases, "no token at all", null);
        Unauthorized(cases, "a bearer token that is not a JWT", "not-a-jwt");
        Unauthorized(cases, "a bearer token of three empty parts", "..");
        Unauthorized(cases, "a token signed with another key", TestTokens.Shared(role: "recruiter", key: otherKey));
        Unauthorized(cases, "a token whose payload was edited after signing", TestTokens.Tampered());
        Unauthorized(cases, "an expired token", TestTokens.Shared(role: "recruiter", expiresIn: TimeSpan.FromMinutes(-5)));
        Unauthorized(cases, "a token not valid until later", TestTokens.Shared(role: "recruiter", notBeforeIn: TimeSpan.FromMinutes(10)));
        Unauthorized(cases, "a token without expiry", TestTokens.WithoutExpiry());
        Unauthorized(cases, "an unsigned token with alg none", TestTokens.WithoutSignature());
        Unauthorized(cases, "an unsigned token with alg None", TestTokens.WithoutSignature("None"));
        Unauthorized(cases, "an HS256 token with a forged empty signature", TestTokens.WithoutSignature("HS256"));
        Unauthorized(cases, "an HS512 token with the right key", TestTokens.Hs512WithSharedKey());
        Unauthorized(cases, "a signed token with an unknown critical header", TestTokens.WithCriticalHeader());
        Unauthorized(cases, "an HS256 token keyed with the authority's public key", TestTokens.SignedWithAuthorityPublicKey());
        Unauthorized(cases, "an RS256 token from an unknown key with the authority's key id", TestTokens.FromAuthority(role: "recruiter", key: otherRsa));
        Unauthorized(cases, "a shared-key token from the wrong issuer", TestTokens.Shared(role: "recruiter", issuer: "https://evil.example"));
        Unauthorized(cases, "a shared-key token for the wrong audience", TestTokens.Shared(role: "recruiter", audience: "api://other"));
        Unauthorized(cases, "an authority token from the wrong issuer", TestTokens.FromAuthority(role: "recruiter", issuer: "https://evil.example/v2.0"));
        Unauthorized(cases, "an authority token for the wrong audience", TestTokens.FromAuthority(role: "recruiter", audience: "api://other"));
        Unauthorized(cases, "an expired authority token", TestTokens.FromAuthority(role: "recruiter", expiresIn: TimeSpan.FromMinutes(-5)));
        Unauthorized(cases, "a token without a subject", TestTokens.WithClaims([new Claim("role", "recruiter"), new Claim("name", "x")]));
        Unauthorized(cases, "a token whose subject has spaces", TestTokens.Shared(role: "recruiter", sub: "u 1"));
        Unauthorized(cases, "a token whose subject is 129 characters", TestTokens.Shared(role: "recruiter", sub: new string('u', 129)));
        Unauthorized(cases, "a token whose name is 101 characters", TestTokens.Shared(role: "recruiter", name: new string('n', 101)));
        Unauthorized(cases, "a token whose name has a control character", TestTokens.Shared(role: "recruiter", name: "Bell\u0007"));
        Unauthorized(cases, "a token whose name has a line break", TestTokens.Shared(role: "recruiter", name: "Two\nLines"));
        Unauthorized(cases, "a token larger than 16 KiB", TestTokens.WithClaims(
            [new Claim("sub", "u-big"), new Claim("role", "recruiter"), new Claim("pad", new string('x', 17_000))]));
        cases["a Basic authorization header"] = new(HttpStatusCode.Unauthorized, _ => WithHeader(ValidPost(null), "Authorization", "Basic dXNlcjpwYXNz"));
        cases["a garbage token in the cookie"] = new(HttpStatusCode.Unauthorized, _ => WithCookie(ValidPost(null), "garbage", "x"));
        cases["an expired token in the cookie"] = new(HttpStatusCode.Unauthorized, _ =>
            WithCookie(ValidPost(null), TestTokens.Shared(role: "recruiter", sub: "u-c", expiresIn: TimeSpan.FromMinutes(-5)), TestTokens.Csrf("u-c")));
        cases["a list request without a token"] = new(HttpStatusCode.Unauthorized, _ => Get(Operations, null));
        cases["a stream request without a token"] = new(HttpStatusCode.Unauthorized, _ => Get(Stream, null));
        cases["a stream request with an expired token"] = new(HttpStatusCode.Unauthorized, _ =>
            Get(Stream, TestTokens.Shared(expiresIn: TimeSpan.FromMinutes(-5))));
    }

    private static void AddRoleCases(Dictionary<string, HostileRequest> cases)
    {
        cases["a write by an unknown role"] = new(HttpStatusCode.Forbidden, _ => ValidPost(TestTokens.Shared(role: "guest")));
        cases["a write by a role in the wrong case"] = new(HttpStatusCode.Forbidden, _ => ValidPost(TestTokens.Shared(role: "Kancho")));
        cases["a write by a token without a role"] = new(HttpStatusCode.Forbidden, _ =>
            ValidPost(TestTokens.WithClaims([new Claim("sub", "u-norole"), new Claim("name", "No Role")])));
        cases["a list by a writer-only role"] = new(HttpStatusCode.Forbidden, _ => Get(Operations, Writer));
        cases["a get by a writer-only role"] = new(HttpStatusCode.Forbidden, id => Get($"{Operations}/{id}", Writer));
        cases["a stream by a writer-only role"] = new(HttpStatusCode.Forbidden, _ => Get(Stream, Writer));
        cases["a list by a writer-only role from the authority"] = new(HttpStatusCode.Forbidden, _ => Get(Operations, TestTokens.FromAuthority(role: "recruiter")));
        cases["a write by an unknown role from the authority"] = new(HttpStatusCode.Forbidden, _ => ValidPost(TestTokens.FromAuthority(role: "viewer")));
    }

    private static void AddCsrfAndCorsCases(Dictionary<string, HostileRequest> cases)
    {
        var token = TestTokens.Shared(role: "recruiter", sub: "u-cookie");
        cases["a cookie write without the CSRF header"] = new(HttpStatusCode.Forbidden, _ => WithCookie(ValidPost(null), token, null));
        cases["a cookie write with a wrong CSRF header"] = new(HttpStatusCode.Forbidden, _ => WithCookie(ValidPost(null), token, "csrf-u-cookiX"));
        cases["a cookie write with another user's CSRF value"] = new(HttpStatusCode.Forbidden, _ => WithCookie(ValidPost(null), token, TestTokens.Csrf("u-other")));
        cases["a cookie write with an empty CSRF header"] = new(HttpStatusCode.Forbidden, _ => WithCookie(ValidPost(null), token, ""));
        cases["a cookie write with the CSRF value twice"] = new(HttpStatusCode.Forbidden, _ =>
        {
            var request = WithCookie(ValidPost(null), token, null);
            request.Headers.TryAddWithoutValidation("X-CSRF-TOKEN", [TestTokens.Csrf("u-cookie"), TestTokens.Csrf("u-cookie")]);
            return request;
        });
        cases["a cross-origin cookie write without CSRF"] = new(HttpStatusCode.Forbidden, _ =>
            WithHeader(WithCookie(ValidPost(null), token, null), "Origin", "https://evil.example")) { CrossOrigin = true };
        cases["a cross-origin cookie write from the null origin"] = new(HttpStatusCode.Forbidden, _ =>
            WithHeader(WithCookie(ValidPost(null), token, null), "Origin", "null")) { CrossOrigin = true };
        foreach (var origin in new[] { "https://evil.example", "null", "https://trusted.example.evil.example", "http://trusted.example" })
        {
            cases[$"a preflight from {origin}"] = new(HttpStatusCode.Forbidden, _ => Preflight(origin)) { CrossOrigin = true };
        }
    }

    private static void Unauthorized(Dictionary<string, HostileRequest> cases, string name, string? token) =>
        cases[name] = new(HttpStatusCode.Unauthorized, _ => ValidPost(token));

    internal static HttpRequestMessage ValidPost(string? token) => Post("""{"recruitId":"R20001","action":"created"}""", token);

    internal static HttpRequestMessage Post(string json, string? token, string contentType = "application/json") =>
        PostBytes(Encoding.UTF8.GetBytes(json), token, contentType);

    internal static HttpRequestMessage PostBytes(byte[] body, string? token, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return Authorized(new HttpRequestMessage(HttpMethod.Post, Operations) { Content = content }, token);
    }

    internal static HttpRequestMessage PostObject(object body, string? token = null) =>
        Post(JsonSerializer.Serialize(body), token ?? Writer);

    internal static HttpRequestMessage Get(string url, string? token) => Authorized(new HttpRequestMessage(HttpMethod.Get, url), token);

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, Operations);
        request.Headers.TryAddWithoutValidation("Origin", origin);
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "content-type, x-csrf-token");
        return request;
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static HttpRequestMessage WithCookie(HttpRequestMessage request, string token, string? csrf)
    {
        request.Headers.TryAddWithoutValidation("Cookie", $"access_token_cookie={token}");
        if (csrf is not null)
        {
            request.Headers.TryAddWithoutValidation("X-CSRF-TOKEN", csrf);
        }

        return request;
    }

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
