using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace RecruitOps.Hardening;

/// <summary>
/// Answers CORS preflights. The Functions host only hands a request to the worker when some function declares its
/// method, so OPTIONS needs a function of its own; the headers themselves come from <see cref="CorsRule"/> in the
/// request guard, as for every other response.
/// </summary>
public sealed class CorsPreflightFunction(CorsRule cors)
{
    [Function(nameof(CorsPreflight))]
    public IResult CorsPreflight(
        [HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "{*path}")] HttpRequest request)
    {
        if (request.Headers.Origin.Count == 0)
        {
            return TypedResults.NoContent();
        }

        return cors.IsAllowed(request.Headers.Origin)
            ? TypedResults.NoContent()
            : Problems.Forbidden("Cross-origin requests from this origin are not allowed.");
    }
}
