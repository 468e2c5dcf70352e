using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace RecruitOps.Hardening;

/// <summary>
/// The Functions host's entry to <see cref="RequestGuard"/>. With the ASP.NET Core integration the invocation carries
/// the real <c>HttpContext</c>, so a refusal written to it is the response; timer invocations have none and pass.
/// </summary>
public sealed class RequestGuardWorkerMiddleware(RequestGuard guard) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var httpContext = context.GetHttpContext();
        return httpContext is null ? next(context) : guard.InvokeAsync(httpContext, () => next(context));
    }
}
