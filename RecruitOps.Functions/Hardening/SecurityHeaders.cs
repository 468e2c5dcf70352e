using Microsoft.AspNetCore.Http;

namespace RecruitOps.Hardening;

/// <summary>
/// Headers every response carries, set as the response starts so error and short-circuit answers get them too. A
/// function that sets one of them itself (for example a stricter Cache-Control on the stream) keeps its own value.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>No inline script or style anywhere: the page loads app.js and app.css from its own origin only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void ApplyOnStart(HttpResponse response) =>
        response.OnStarting(static state =>
        {
            Apply((HttpResponse)state);
            return Task.CompletedTask;
        }, response);

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("Referrer-Policy", "no-referrer");
        headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
        headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        // Browsers ignore it over plain HTTP (RFC 6797 §8.1), so loopback runs are unaffected; in Azure it keeps
        // the page and its token cookie on HTTPS after the first visit.
        headers.TryAdd("Strict-Transport-Security", "max-age=31536000");
        // Operations hold personal details: no shared or browser cache keeps them unless a function says otherwise.
        headers.TryAdd("Cache-Control", "no-store");
    }
}
