using Microsoft.Extensions.Logging;

namespace RecruitOps.Streaming;

/// <summary>
/// The live part of a stream: each operation from the stream's mailbox once, a heartbeat comment after every quiet
/// <c>Stream:HeartbeatSeconds</c>, until the token ends it or the relay closes the mailbox.
/// </summary>
internal static partial class LiveRelay
{
    public static async Task<StreamEnd> RunAsync(
        EventStreamWriter writer, RelaySubscription subscription, SentIds sent, TimeSpan heartbeat, ILogger logger,
        CancellationToken token)
    {
        var reader = subscription.Reader;
        // One timer per quiet period, not per event: CancelAfter moves the pending timer until it fires.
        var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
        try
        {
            while (true)
            {
                idle.CancelAfter(heartbeat);
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    await writer.WriteHeartbeatAsync(token);
                    idle.Dispose();
                    idle = CancellationTokenSource.CreateLinkedTokenSource(token);
                    continue;
                }

                if (!more)
                {
                    // The relay completes a mailbox only when it overflows or when its feed may have a gap.
                    return subscription.ClosedForFeedGap ? StreamEnd.FeedGap : StreamEnd.Backlog;
                }

                while (reader.TryRead(out var operationEvent))
                {
                    if (sent.Contains(operationEvent.Id))
                    {
                        Log.SkippedDuplicate(logger, operationEvent.Id);
                        continue;
                    }

                    if (!sent.TryAdd(operationEvent.Id))
                    {
                        return StreamEnd.IdMemoryFull;
                    }

                    await writer.WriteFrameAsync(await operationEvent.FrameAsync(), token);
                }
            }
        }
        finally
        {
            idle.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2005, Level = LogLevel.Debug,
            Message = "Skipped operation {OperationId}: this stream already sent it")]
        public static partial void SkippedDuplicate(ILogger logger, string operationId);
    }
}
