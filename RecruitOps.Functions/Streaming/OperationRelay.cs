using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruitOps.Operations;

namespace RecruitOps.Streaming;

/// <summary>
/// Fans operations out to the streams open on this instance. Delivery never blocks the caller: each subscriber has
/// a bounded mailbox and is cut off, not waited for, when it falls behind.
/// </summary>
public sealed partial class OperationRelay(IOptions<StreamOptions> options, ILogger<OperationRelay> logger)
{
    private ImmutableArray<RelaySubscription> _subscribers = [];
    private long _closedForBacklog;
    private long _delivered;

    public int SubscriberCount => _subscribers.Length;

    public long ClosedForBacklog => Interlocked.Read(ref _closedForBacklog);

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Raised when the subscriber count changes from zero to one or back (used to start or stop receiving).</summary>
    public event Action<int>? SubscriberCountChanged;

    public RelaySubscription Subscribe()
    {
        var subscription = new RelaySubscription(this, options.Value.BacklogCapacity);
        ImmutableInterlocked.Update(ref _subscribers, static (list, item) => list.Add(item), subscription);
        SubscriberCountChanged?.Invoke(_subscribers.Length);
        return subscription;
    }

    public void Deliver(Operation operation)
    {
        var operationEvent = new OperationEvent(operation);
        foreach (var subscriber in _subscribers)
        {
            if (subscriber.TryDeliver(operationEvent))
            {
                Interlocked.Increment(ref _delivered);
            }
            else if (subscriber.Overflowed)
            {
                Interlocked.Increment(ref _closedForBacklog);
                Log.BacklogFull(logger, operation.Id, options.Value.BacklogCapacity);
                Remove(subscriber);
            }
        }
    }

    internal void Remove(RelaySubscription subscription)
    {
        if (ImmutableInterlocked.Update(ref _subscribers, static (list, item) => list.Remove(item), subscription))
        {
            SubscriberCountChanged?.Invoke(_subscribers.Length);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
            Message = "Closed a stream whose backlog reached {Capacity} events at operation {OperationId}; it will resume from storage")]
        public static partial void BacklogFull(ILogger logger, string operationId, int capacity);
    }
}
