using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Azure.Functions.Worker;

namespace RecruitOps.Page;

/// <summary>
/// Serves the live list page and its modules and styles, embedded in the assembly so both hosts serve the same bytes
/// with no file-system layout to get wrong. The page shell is public; its data calls authenticate.
/// </summary>
public sealed class PageFunction
{
    /// <summary>
    /// The page needs nothing beyond its own origin: no inline script or style, no eval.
    /// </summary>
    // TODO(#6): app-wide security headers should send this once; until then the page sends it itself so its
    // browser tests run under the policy.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private const string ResourcePrefix = "RecruitOps.Page.wwwroot.";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly Assembly Assembly = typeof(PageFunction).Assembly;
    private static readonly HashSet<string> Assets = Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..])
        .ToHashSet(StringComparer.Ordinal);

    [Function(nameof(Page))]
    public IResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recruits/page/{asset?}")] HttpRequest request,
        string? asset)
    {
        // The page links its files relative to ".../recruits/page", which a trailing slash would shift by a level.
        if (string.IsNullOrEmpty(asset) && request.Path.Value?.EndsWith('/') == true)
        {
            return TypedResults.Redirect(request.PathBase + request.Path.Value.TrimEnd('/') + request.QueryString);
        }

        var name = string.IsNullOrEmpty(asset) ? "index.html" : asset;
        if (!Assets.Contains(name))
        {
            return Problems.NotFound("No such page asset.");
        }

        var stream = Assembly.GetManifestResourceStream(ResourcePrefix + name)!;
        ContentTypes.TryGetContentType(name, out var contentType);
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, contentType ?? "application/octet-stream");
    }
}
