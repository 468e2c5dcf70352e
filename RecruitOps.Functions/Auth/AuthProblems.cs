using Microsoft.AspNetCore.Http;

namespace RecruitOps.Auth;

/// <summary>
/// The 401/403/503 answers of authentication, as problem+json. A 401 carries <c>WWW-Authenticate: Bearer</c>
/// (RFC 6750 §3), with <c>error="invalid_token"</c> when a token was sent but refused.
/// </summary>
public static class AuthProblems
{
    public static IResult MissingToken() =>
        new BearerChallenge("Bearer", Problems.Unauthorized("Sign in: no access token was sent."));

    public static IResult InvalidToken(string detail) =>
        new BearerChallenge("Bearer error=\"invalid_token\"", Problems.Unauthorized(detail));

    public static IResult Forbidden(string detail) => Problems.Forbidden(detail);

    public static IResult AuthorityUnavailable() =>
        TypedResults.Problem(
            "The sign-in authority could not be reached to check the token; try again shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Service unavailable");

    private sealed class BearerChallenge(string challenge, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = challenge;
            return problem.ExecuteAsync(httpContext);
        }
    }
}
