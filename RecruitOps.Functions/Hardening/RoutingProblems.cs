using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace RecruitOps.Hardening;

/// <summary>
/// The standalone host's routing answers an unknown path with 404 and a known path with the wrong method with 405,
/// both with an empty body. This gives them (and any other empty error answer) the problem+json body every other
/// answer of the API has, so a client's mistake is always explained.
/// </summary>
public static class RoutingProblems
{
    public static IApplicationBuilder UseRoutingProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context => WriteAsync(context.HttpContext));

    private static Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        // The CORS preflight function answers OPTIONS on every path, so routing calls any unknown path "405, only
        // OPTIONS allowed". No function lives there: that is a 404.
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed &&
            string.Equals(response.Headers.Allow, HttpMethods.Options, StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.Headers.Remove(HeaderNames.Allow);
        }

        var result = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => Problems.NotFound("Nothing is served at this path."),
            StatusCodes.Status405MethodNotAllowed => TypedResults.Problem(
                $"{context.Request.Method} is not allowed on this path; allowed: {response.Headers.Allow}.",
                statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed"),
            _ => TypedResults.Problem(statusCode: response.StatusCode),
        };
        return result.ExecuteAsync(context);
    }
}
