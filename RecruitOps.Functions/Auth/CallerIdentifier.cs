using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace RecruitOps.Auth;

/// <summary>
/// Finds and validates the token of a request once: the rate limiter partitions by its subject before the function
/// runs, and the function's own authentication then reuses the result kept in <see cref="HttpContext.Items"/>.
/// </summary>
public sealed class CallerIdentifier(IOptions<AuthOptions> options, AccessTokenValidator validator)
{
    private static readonly object ItemKey = new();

    public async ValueTask<CallerIdentity> IdentifyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is CallerIdentity known)
        {
            return known;
        }

        var (source, token) = ReadToken(context.Request, options.Value.CookieName);
        var identity = token is null
            ? CallerIdentity.Anonymous
            : new CallerIdentity(source, await validator.ValidateAsync(token, cancellationToken));
        context.Items[ItemKey] = identity;
        return identity;
    }

    /// <summary>An Authorization header wins over the cookie: a script that sets it chose that identity on purpose.</summary>
    private static (TokenSource Source, string? Token) ReadToken(HttpRequest request, string cookieName)
    {
        var header = request.Headers.Authorization;
        if (header.Count > 0)
        {
            var value = header.Count == 1 ? header[0] ?? string.Empty : string.Empty;
            // A malformed or non-Bearer header is still the caller's chosen credential; it must not fall back to a cookie.
            return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value.Length > "Bearer ".Length
                ? (TokenSource.Bearer, value["Bearer ".Length..].Trim())
                : (TokenSource.Bearer, string.Empty);
        }

        return request.Cookies.TryGetValue(cookieName, out var cookie) && cookie.Length > 0
            ? (TokenSource.Cookie, cookie)
            : (TokenSource.None, null);
    }
}
