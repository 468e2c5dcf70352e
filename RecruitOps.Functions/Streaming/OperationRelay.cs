using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruitOps.Operations;

namespace RecruitOps.Streaming;

/// <summary>
/// Fans operations out to the streams open on this instance. Delivery never blocks the caller: each subscriber has
/// a bounded mailbox and is cut off, not waited for, when it falls behind. Also keeps the per-instance stream counts
/// the health endpoint reports.
/// </summary>
public sealed partial class OperationRelay(IOptions<StreamOptions> options, ILogger<OperationRelay> logger)
{
    // A set, not a copied array: with tens of thousands of streams, copying the list on every connect and
    // disconnect put each copy on the large-object heap (measured: ~1 GB of churn to open 19,500 streams).
    private readonly ConcurrentDictionary<RelaySubscription, byte> _subscribers = new(ReferenceEqualityComparer.Instance);
    private int _subscriberCount;
    private long _closedForBacklog;
    private long _closedForFeedGap;
    private long _delivered;
    private long _replaysServed;
    private long _resyncsServed;

    public int SubscriberCount => Volatile.Read(ref _subscriberCount);

    public long ClosedForBacklog => Interlocked.Read(ref _closedForBacklog);

    /// <summary>Streams closed because the feed behind the relay may have missed operations.</summary>
    public long ClosedForFeedGap => Interlocked.Read(ref _closedForFeedGap);

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Resuming streams that were sent a replay (possibly empty).</summary>
    public long ReplaysServed => Interlocked.Read(ref _replaysServed);

    /// <summary>Resuming streams that were told to reload the history instead.</summary>
    public long ResyncsServed => Interlocked.Read(ref _resyncsServed);

    /// <summary>Raised when the subscriber count changes from zero to one or back (used to start or stop receiving).</summary>
    public event Action<int>? SubscriberCountChanged;

    public RelaySubscription Subscribe()
    {
        var subscription = new RelaySubscription(this, options.Value.BacklogCapacity);
        _subscribers.TryAdd(subscription, 0);
        // Counted before the event: `?.Invoke(...)` would skip evaluating its argument when nobody listens.
        var count = Interlocked.Increment(ref _subscriberCount);
        SubscriberCountChanged?.Invoke(count);
        return subscription;
    }

    /// <summary>Offers the operation to every subscriber without waiting for any of them.</summary>
    public void Deliver(Operation operation)
    {
        var operationEvent = new OperationEvent(operation);
        var delivered = 0;
        foreach (var (subscriber, _) in _subscribers)
        {
            if (subscriber.TryDeliver(operationEvent, out var overflowedNow))
            {
                delivered++;
            }
            else if (overflowedNow)
            {
                Interlocked.Increment(ref _closedForBacklog);
                Log.BacklogFull(logger, operation.Id, options.Value.BacklogCapacity);
                Remove(subscriber);
            }
        }

        Interlocked.Add(ref _delivered, delivered);
    }

    /// <summary>
    /// Closes every open stream because the feed may have missed operations (a receive fault, receiving restarted, the
    /// subscription created again). Live delivery cannot bring those back, but each client resumes from its last id,
    /// and the replay from storage does. Returns how many streams were closed.
    /// </summary>
    public int CloseAllForFeedGap()
    {
        var closed = 0;
        foreach (var (subscriber, _) in _subscribers)
        {
            if (subscriber.TryCloseForFeedGap())
            {
                closed++;
                Remove(subscriber);
            }
        }

        if (closed > 0)
        {
            Interlocked.Add(ref _closedForFeedGap, closed);
            Log.ClosedForFeedGap(logger, closed);
        }

        return closed;
    }

    internal void CountReplay() => Interlocked.Increment(ref _replaysServed);

    internal void CountResync() => Interlocked.Increment(ref _resyncsServed);

    internal void Remove(RelaySubscription subscription)
    {
        if (_subscribers.TryRemove(subscription, out _))
        {
            var count = Interlocked.Decrement(ref _subscriberCount);
            SubscriberCountChanged?.Invoke(count);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
            Message = "Closed a stream whose backlog reached {Capacity} events at operation {OperationId}; it will resume from storage")]
        public static partial void BacklogFull(ILogger logger, string operationId, int capacity);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Warning,
            Message = "Closed {Count} streams: the feed may have missed operations; they will resume from storage")]
        public static partial void ClosedForFeedGap(ILogger logger, int count);
    }
}
