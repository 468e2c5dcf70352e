using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using RecruitOps.Auth;

namespace RecruitOps.Hardening;

/// <summary>
/// CORS with credentials for the origins in <c>Auth:AllowedOrigins</c> and nothing for anyone else: no header at
/// all, so the browser withholds the response. An allowed origin is echoed, never <c>*</c>, because credentialed
/// requests forbid the wildcard. Cross-origin writes with the cookie still need the CSRF header.
/// </summary>
public sealed class CorsRule(IOptions<AuthOptions> options)
{
    private const string AllowedMethods = "GET, POST";
    private const string AllowedHeaders = "Authorization, Content-Type, X-CSRF-TOKEN, Last-Event-ID";

    private readonly HashSet<string> _origins =
        options.Value.AllowedOrigins.Select(origin => origin.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.Origin.Count > 0 &&
        request.Headers.AccessControlRequestMethod.Count > 0;

    public bool IsAllowed(StringValues origin) => origin.Count == 1 && _origins.Contains(origin[0]!);

    /// <summary>Adds the CORS headers an allowed origin needs; for a preflight, also what it may send.</summary>
    public void Apply(HttpContext context)
    {
        if (_origins.Count == 0)
        {
            return;
        }

        var headers = context.Response.Headers;
        // Answers differ by Origin, so caches must keep them apart.
        headers.Append("Vary", "Origin");
        var origin = context.Request.Headers.Origin;
        if (!IsAllowed(origin))
        {
            return;
        }

        headers.AccessControlAllowOrigin = origin[0];
        headers.AccessControlAllowCredentials = "true";
        if (IsPreflight(context.Request))
        {
            headers.AccessControlAllowMethods = AllowedMethods;
            headers.AccessControlAllowHeaders = AllowedHeaders;
            headers.AccessControlMaxAge = "600";
        }
    }
}
