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
    private const int BatchSize = 100;

    /// <summary>Returns how many operations were published.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var pending = await store.ListUnpublishedAsync(timeProvider.GetUtcNow() - GracePeriod, BatchSize, cancellationToken);
        var published = 0;
        foreach (var operation in pending)
        {
            if (await recorder.TryPublishAsync(operation, cancellationToken))
            {
                published++;
            }
        }

        if (pending.Count > 0)
        {
            Log.Swept(logger, published, pending.Count);
        }

        var expired = await store.DeleteLatePublishedBeforeAsync(timeProvider.GetUtcNow() - LatePublishing.Retention, cancellationToken);
        if (expired > 0)
        {
            Log.LateIndexTrimmed(logger, expired);
        }

        return published;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Outbox sweep published {Published} of {Pending} late operations")]
        public static partial void Swept(ILogger logger, int published, int pending);

        [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "Removed {Count} expired late-publish index rows")]
        public static partial void LateIndexTrimmed(ILogger logger, int count);
    }
}
