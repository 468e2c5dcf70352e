using Microsoft.Extensions.Logging;
using RecruitOps.Operations;

namespace RecruitOps.Messaging;

/// <summary>
/// Publishes operations whose outbox mark is still set: the publish after recording failed, or the instance stopped
/// between storing and publishing. Waits a grace period first so it does not race an in-flight publish. Such a publish
/// is late, so the recorder indexes it first; the sweeper also trims that index (docs/servicebus.md).
/// </summary>
public sealed partial class OutboxSweeper(
    IOperationStore store,
    OperationRecorder recorder,
    TimeProvider timeProvider,
    ILogger<OutboxSweeper> logger)
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one sweep goes on taking batches. Sweeps start every 15 s (<see cref="OutboxSweepFunction.Schedule"/>,
    /// <see cref="OutboxSweepService.Interval"/>); ending before the next is due keeps them from piling up, and the
    /// next one carries on where this one stopped.
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(12);

    private const int BatchSize = 100;

    // Each publish is three round trips (index row, send, clear the mark); a few at once drain an outage's backlog
    // many times faster without crowding the store. Order does not matter: every one of them is late anyway.
    private const int Parallelism = 8;

    /// <summary>Returns how many operations were published.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + Budget;
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        var published = 0;
        while (true)
        {
            var listed = await store.ListUnpublishedAsync(timeProvider.GetUtcNow() - GracePeriod, BatchSize, cancellationToken);
            // A mark that could not be cleared after its send comes back; it waits for the next sweep.
            var batch = listed.Where(operation => attempted.Add(operation.Id)).ToList();
            var sent = await PublishAsync(batch, deadline, cancellationToken);
            published += sent;

            // Done when the outbox is empty; a failed send means the bus is down, and the next sweep retries.
            if (listed.Count < BatchSize || batch.Count == 0 || sent < batch.Count || timeProvider.GetUtcNow() >= deadline)
            {
                break;
            }
        }

        if (attempted.Count > 0)
        {
            Log.Swept(logger, published, attempted.Count);
        }

        var expired = await store.DeleteLatePublishedBeforeAsync(timeProvider.GetUtcNow() - LatePublishing.Retention, cancellationToken);
        if (expired > 0)
        {
            Log.LateIndexTrimmed(logger, expired);
        }

        return published;
    }

    /// <summary>Publishes a batch a few at a time; what is left when the budget runs out keeps its mark.</summary>
    private async Task<int> PublishAsync(List<Operation> batch, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var sent = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batch, parallel, async (operation, token) =>
        {
            if (timeProvider.GetUtcNow() < deadline && await recorder.TryPublishAsync(operation, token))
            {
                Interlocked.Increment(ref sent);
            }
        });
        return sent;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Outbox sweep published {Published} of {Pending} late operations")]
        public static partial void Swept(ILogger logger, int published, int pending);

        [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "Removed {Count} expired late-publish index rows")]
        public static partial void LateIndexTrimmed(ILogger logger, int count);
    }
}
