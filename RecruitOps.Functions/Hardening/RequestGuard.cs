using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RecruitOps.Auth;

namespace RecruitOps.Hardening;

/// <summary>
/// The rules every request passes before its function runs, in one place for both hosts (the standalone host calls
/// it from ASP.NET Core middleware, the Functions host from worker middleware): security headers, CORS, size
/// limits and the per-caller rate limit. Authentication and authorization stay in each function.
/// </summary>
public sealed partial class RequestGuard(
    CorsRule cors, CallerIdentifier identifier, CallerRateLimiter limiter, ILogger<RequestGuard> logger)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        SecurityHeaders.ApplyOnStart(context.Response);
        cors.Apply(context);
        if (await RefusalAsync(context) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        try
        {
            await next();
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // Kestrel's own limits (body size, slow or malformed uploads) surface here while a function reads the body.
            Log.BadRequest(logger, ex.StatusCode);
            await TypedResults.Problem(ex.Message, statusCode: ex.StatusCode, title: "Bad request").ExecuteAsync(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && DependencyOutage.Matches(ex))
        {
            Log.DependencyUnavailable(logger, ex);
            // A write that timed out may still have landed; only a retry with the same operationId makes it certain.
            var detail = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? "Storage is not reachable right now. Try again shortly."
                : "Storage did not confirm the write in time, so it may or may not have been recorded. Send it again " +
                  "with the same operationId and it is recorded exactly once.";
            await Problems.ServiceUnavailable(context.Response, TimeSpan.FromSeconds(5), detail).ExecuteAsync(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            // The last resort, so even a bug answers problem+json; the log has the exception, the client does not.
            Log.Unhandled(logger, ex);
            await TypedResults.Problem(
                "Something went wrong on our side.", statusCode: StatusCodes.Status500InternalServerError,
                title: "Internal server error").ExecuteAsync(context);
        }
    }

    private async Task<IResult?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Value?.Length + request.QueryString.Value?.Length > RequestLimits.MaxUrlLength)
        {
            return TypedResults.Problem(
                $"The URL is longer than {RequestLimits.MaxUrlLength} characters.",
                statusCode: StatusCodes.Status414UriTooLong, title: "URI too long", type: Problems.UriTooLongType);
        }

        if (request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            return Problems.TooLarge($"The body is larger than {RequestLimits.MaxBodyBytes / 1024} KiB.");
        }

        if (IsHealthProbe(request))
        {
            // A probe must see the app's health, not the traffic of anonymous callers sharing its bucket.
            return null;
        }

        var caller = await identifier.IdentifyAsync(context, context.RequestAborted);
        if (limiter.TryAcquire(context, caller) is { } retryAfter)
        {
            Log.Throttled(logger, request.Method);
            return Problems.TooManyRequests(
                context.Response, retryAfter,
                $"Too many requests from this caller; try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s.");
        }

        return null;
    }

    private static bool IsHealthProbe(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
        request.Path.Value?.EndsWith("/" + Health.HealthFunction.Route, StringComparison.OrdinalIgnoreCase) == true;

    private static partial class Log
    {
        [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Request throttled ({Method})")]
        public static partial void Throttled(ILogger logger, string method);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Request refused by a server limit ({StatusCode})")]
        public static partial void BadRequest(ILogger logger, int statusCode);

        [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "A dependency is unavailable; answered 503")]
        public static partial void DependencyUnavailable(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 6104, Level = LogLevel.Error, Message = "Unhandled exception; answered 500")]
        public static partial void Unhandled(ILogger logger, Exception exception);
    }
}
