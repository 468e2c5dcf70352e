using Microsoft.Extensions.Logging;
using RecruitOps.Messaging;

namespace RecruitOps.Operations;

/// <summary>
/// Records, then publishes. The answer depends only on Table Storage: a publish failure leaves the outbox mark in
/// place and the sweeper publishes the operation later, so nothing acknowledged is lost.
/// </summary>
public sealed partial class OperationRecorder(
    IOperationStore store,
    IOperationPublisher publisher,
    TimeProvider timeProvider,
    ILogger<OperationRecorder> logger)
{
    public async Task<RecordResult> RecordAsync(OperationDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        var result = await store.RecordAsync(draft, actor, cancellationToken);
        if (result.Outcome == RecordOutcome.Created)
        {
            await TryPublishAsync(result.Operation!, cancellationToken);
        }

        return result;
    }

    /// <summary>Publishes and clears the outbox mark; on failure the mark stays for the sweeper.</summary>
    public async Task<bool> TryPublishAsync(Operation operation, CancellationToken cancellationToken)
    {
        if (!await TryIndexLatePublishAsync(operation))
        {
            return false;
        }

        try
        {
            // Not the caller's token: once stored, a client hanging up must not leave the operation half published.
            // Bounded, so an attempt that started on time also reaches streams on time (LatePublishing).
            using var timeout = new CancellationTokenSource(LatePublishing.PublishTimeout, timeProvider);
            await publisher.PublishAsync(operation, timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.PublishFailed(logger, ex, operation.Id);
            return false;
        }

        try
        {
            await store.MarkPublishedAsync(operation.Id, CancellationToken.None);
        }
        catch (Azure.RequestFailedException ex)
        {
            // Published but still marked: the sweeper sends it again and duplicate detection and clients drop it.
            Log.MarkFailed(logger, ex, operation.Id);
        }

        return true;
    }

    /// <summary>
    /// A late publish is indexed before it is sent, so a client that resumes from a newer id still gets it
    /// (docs/servicebus.md). Without the index row the operation is not sent: the sweeper tries again.
    /// </summary>
    private async Task<bool> TryIndexLatePublishAsync(Operation operation)
    {
        var now = timeProvider.GetUtcNow();
        if (now - operation.RecordedAt <= LatePublishing.Threshold)
        {
            return true;
        }

        try
        {
            await store.RecordLatePublishAsync(operation, now, CancellationToken.None);
            Log.PublishingLate(logger, operation.Id, (long)(now - operation.RecordedAt).TotalMilliseconds);
            return true;
        }
        catch (Azure.RequestFailedException ex)
        {
            Log.LateIndexFailed(logger, ex, operation.Id);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Publishing operation {OperationId} failed; the outbox sweeper will retry")]
        public static partial void PublishFailed(ILogger logger, Exception exception, string operationId);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Operation {OperationId} was published but its outbox mark could not be cleared")]
        public static partial void MarkFailed(ILogger logger, Exception exception, string operationId);

        [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Publishing operation {OperationId} late, {DelayMilliseconds} ms after it was recorded")]
        public static partial void PublishingLate(ILogger logger, string operationId, long delayMilliseconds);

        [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Could not index the late publish of operation {OperationId}; the outbox sweeper will retry")]
        public static partial void LateIndexFailed(ILogger logger, Exception exception, string operationId);
    }
}
