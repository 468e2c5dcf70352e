using Microsoft.Extensions.Logging;
using RecruitOps.Operations;

namespace RecruitOps.Messaging;

/// <summary>
/// Publishes operations whose outbox mark is still set: the publish after recording failed, or the instance stopped
/// between storing and publishing. Waits a grace period first so it does not race an in-flight publish.
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

        return published;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Outbox sweep published {Published} of {Pending} late operations")]
        public static partial void Swept(ILogger logger, int published, int pending);
    }
}
