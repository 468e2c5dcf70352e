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
    private const string ResourcePrefix = "RecruitOps.Page.wwwroot.";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly Assembly Assembly = typeof(PageFunction).Assembly;
    private static readonly HashSet<string> Assets = Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..])
        .ToHashSet(StringComparer.Ordinal);

    [Function(nameof(Page))]
    public IResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "recruits/page/{asset?}")] HttpRequest request,
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
        // The content security policy and nosniff come from the request guard, for every response of the app.
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Stream(stream, contentType ?? "application/octet-stream");
    }
}
