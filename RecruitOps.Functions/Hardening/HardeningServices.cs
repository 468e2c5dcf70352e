using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace RecruitOps.Hardening;

public static class HardeningServices
{
    /// <summary>Registers the request guard and its rules, and Kestrel's limits (used by the standalone host).</summary>
    public static IServiceCollection AddRequestHardening(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<CorsRule>();
        services.AddSingleton<CallerRateLimiter>();
        services.AddSingleton<CallerStreamQuota>();
        services.AddSingleton<RequestGuard>();
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = RequestLimits.MaxHeaderBytes;
            kestrel.Limits.MaxRequestHeaderCount = RequestLimits.MaxHeaderCount;
            kestrel.Limits.MaxRequestLineSize = RequestLimits.MaxUrlLength + 1024;
        });
        return services;
    }
}
