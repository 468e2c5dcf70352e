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
        try
        {
            // Not the caller's token: once stored, a client hanging up must not leave the operation half published.
            await publisher.PublishAsync(operation, CancellationToken.None);
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Publishing operation {OperationId} failed; the outbox sweeper will retry")]
        public static partial void PublishFailed(ILogger logger, Exception exception, string operationId);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Operation {OperationId} was published but its outbox mark could not be cleared")]
        public static partial void MarkFailed(ILogger logger, Exception exception, string operationId);
    }
}
