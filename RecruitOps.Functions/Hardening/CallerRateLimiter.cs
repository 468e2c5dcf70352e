using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RecruitOps.Auth;

namespace RecruitOps.Hardening;

/// <summary>
/// One token bucket per caller and kind of request. Partitions key on the validated subject, never on an unverified
/// claim, so a caller cannot spread its requests over made-up identities; everyone else shares their address's bucket.
/// </summary>
public sealed class CallerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly RateLimitOptions _settings;
    private readonly string _subjectClaim;

    public CallerRateLimiter(IOptions<RateLimitOptions> options, IOptions<AuthOptions> authOptions)
    {
        _settings = options.Value;
        _subjectClaim = authOptions.Value.SubjectClaim;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, BucketFor));
    }

    /// <summary>Null when the request may go ahead; otherwise how long the caller should wait.</summary>
    public TimeSpan? TryAcquire(HttpContext context, CallerIdentity caller)
    {
        if (!_settings.Enabled)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(PartitionKey(context, caller));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();

    private string PartitionKey(HttpContext context, CallerIdentity caller)
    {
        var subject = caller.IsValid ? caller.Check.Identity!.FindFirst(_subjectClaim)?.Value : null;
        if (string.IsNullOrEmpty(subject))
        {
            // TODO(#6): under the Functions host every request reaches the worker from the host on loopback, so all
            // anonymous callers share one bucket there; Azure's front end would need to be trusted for X-Forwarded-For.
            return "a|" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }

        var method = context.Request.Method;
        var write = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);
        return (write ? "w|" : "r|") + subject;
    }

    private TokenBucketRateLimiterOptions BucketFor(string key) => key[0] switch
    {
        'w' => Bucket(_settings.WritesPerSecond, _settings.WriteBurst),
        'r' => Bucket(_settings.ReadsPerSecond, _settings.ReadBurst),
        _ => Bucket(_settings.AnonymousPerSecond, _settings.AnonymousBurst),
    };

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = Math.Max(burst, 1),
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
    };
}
