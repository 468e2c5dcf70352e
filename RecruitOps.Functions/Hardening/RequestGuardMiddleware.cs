using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace RecruitOps.Hardening;

/// <summary>The standalone host's entry to <see cref="RequestGuard"/>.</summary>
public static class RequestGuardMiddleware
{
    /// <summary>
    /// Resolves the guard per request (a singleton, so this is a lookup) rather than while the pipeline is built,
    /// so invalid settings fail in start-up validation with its message, not while building the app.
    /// </summary>
    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) =>
        app.Use((context, next) => context.RequestServices.GetRequiredService<RequestGuard>().InvokeAsync(context, () => next(context)));
}
