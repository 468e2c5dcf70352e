using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RecruitOps.Hardening;

/// <summary>
/// Caps the streams one signed-in caller holds open on this instance. The rate limit only counts connects, and a
/// stream is held for minutes, so without a cap one reader could hold thousands and exhaust the instance's memory.
/// </summary>
public sealed class CallerStreamQuota(IOptions<RateLimitOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A lease to dispose when the stream ends, or null when the caller already holds the maximum.</summary>
    public IDisposable? TryAcquire(string subject)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return NoLease.Instance;
        }

        while (true)
        {
            var current = _open.GetValueOrDefault(subject);
            if (current >= settings.StreamsPerCaller)
            {
                return null;
            }

            var claimed = current == 0 ? _open.TryAdd(subject, 1) : _open.TryUpdate(subject, current + 1, current);
            if (claimed)
            {
                return new Lease(this, subject);
            }
        }
    }

    /// <summary>Streams the caller holds now (for tests and diagnostics).</summary>
    public int OpenFor(string subject) => _open.GetValueOrDefault(subject);

    private void Release(string subject)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(subject);
            // The last stream removes the entry, so the map only ever holds callers with a stream open.
            var released = current <= 1
                ? _open.TryRemove(new KeyValuePair<string, int>(subject, current))
                : _open.TryUpdate(subject, current - 1, current);
            if (released || current == 0)
            {
                return;
            }
        }
    }

    private sealed class Lease(CallerStreamQuota quota, string subject) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                quota.Release(subject);
            }
        }
    }

    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }
}
