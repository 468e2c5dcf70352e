using Microsoft.AspNetCore.Http;

namespace RecruitOps;

/// <summary>The problem+json answers the API gives, so every function words them the same way.</summary>
public static class Problems
{
    public static IResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    // ASP.NET Core fills in a problem type for the common statuses only; these are the ones it leaves out.
    public const string TooLargeType = "https://tools.ietf.org/html/rfc9110#section-15.5.14";
    public const string UriTooLongType = "https://tools.ietf.org/html/rfc9110#section-15.5.15";
    public const string TooManyRequestsType = "https://tools.ietf.org/html/rfc6585#section-4";

    public static IResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", type: TooLargeType);

    public static IResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    /// <summary>429 with <c>Retry-After</c> in whole seconds (at least one), which well-behaved clients wait out.</summary>
    public static IResult TooManyRequests(HttpResponse response, TimeSpan retryAfter, string detail, string title = "Too many requests")
    {
        SetRetryAfter(response, retryAfter);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: title, type: TooManyRequestsType);
    }

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.");

    public static IResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>503 with <c>Retry-After</c>: something this instance needs is not ready; the client may retry.</summary>
    public static IResult ServiceUnavailable(HttpResponse response, TimeSpan retryAfter, string detail, string title = "Service unavailable")
    {
        SetRetryAfter(response, retryAfter);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: title);
    }

    /// <summary>Whole seconds, at least one: the form every client understands.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
