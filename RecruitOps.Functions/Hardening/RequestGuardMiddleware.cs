using Microsoft.AspNetCore.Builder;

namespace RecruitOps.Hardening;

/// <summary>The standalone host's entry to <see cref="RequestGuard"/>.</summary>
public static class RequestGuardMiddleware
{
    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app)
    {
        var guard = app.ApplicationServices.GetService(typeof(RequestGuard)) as RequestGuard
            ?? throw new InvalidOperationException("Call AddRequestHardening before UseRequestGuard.");
        return app.Use((context, next) => guard.InvokeAsync(context, () => next(context)));
    }
}
