using System.Text.Json;
using Microsoft.Extensions.Logging;
using RecruitOps.Operations;

namespace RecruitOps.Streaming;

/// <summary>
/// Writes what comes before the live events: <c>retry:</c> and <c>ready</c>, then, for a resuming client, either the
/// replay of what it missed or <c>resync</c>. After a resync the stream ends: the client reloads the history and
/// connects afresh (a browser's own reconnect resumes from <c>ready</c>'s id, the newest, which is just as good).
/// </summary>
internal sealed partial class StreamOpener(
    IOperationStore store, OperationRelay relay, StreamOptions settings, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>False when the client was told to resync and the stream should end.</summary>
    public async Task<bool> OpenAsync(EventStreamWriter writer, string? resumeFrom, SentIds sent, CancellationToken token)
    {
        var (afterId, replay) = resumeFrom is null ? (null, null) : await ReadReplayAsync(resumeFrom, token);
        var newestId = await store.GetNewestIdAsync(token) ?? OperationId.AtTime(timeProvider.GetUtcNow());

        // A resuming client's ready repeats its resume point. Were it the newest id, a connection lost before the
        // replay finished would have the browser resume past operations it never received.
        var readyId = replay is { ResyncRequired: false } ? afterId! : newestId;
        await writer.WriteEventAsync(EventStreamWriter.ReadyEventType, readyId, Json(new ReadyPayload(newestId)), token,
            retry: TimeSpan.FromMilliseconds(settings.RetryMilliseconds));
        if (replay is null)
        {
            return true;
        }

        if (replay.Resync is { } reason)
        {
            relay.CountResync();
            Log.Resync(logger, reason);
            var payload = Json(new ResyncPayload(Describe(reason)));
            await writer.WriteEventAsync(EventStreamWriter.ResyncEventType, null, payload, token);
            return false;
        }

        relay.CountReplay();
        Log.Resumed(logger, afterId!, replay.Operations.Count);
        foreach (var operation in replay.Operations)
        {
            sent.TryAdd(operation.Id);
            var payload = OperationJson.SerializeToUtf8Bytes(operation);
            await writer.WriteEventAsync(EventStreamWriter.OperationEventType, operation.Id, payload, token);
        }

        return true;
    }

    /// <summary>The resume point, validated and re-formatted, and what to send for it.</summary>
    private async Task<(string? AfterId, ReplayResult Replay)> ReadReplayAsync(string resumeFrom, CancellationToken token)
    {
        if (!ResumePoint.TryNormalize(resumeFrom, out var afterId) || !OperationId.TryGetTime(afterId, out var time))
        {
            return (null, ReplayResult.ResyncFor(ResyncReason.Malformed));
        }

        var now = timeProvider.GetUtcNow();
        var lookback = TimeSpan.FromSeconds(settings.ReplayLookbackSeconds);
        if (time < now - TimeSpan.FromMinutes(settings.ReplayMaxAgeMinutes))
        {
            return (afterId, ReplayResult.ResyncFor(ResyncReason.TooOld));
        }

        if (OperationId.IsTimePosition(afterId) && time > now + lookback)
        {
            // No server hands out a position in the future; replaying from it would skip what is recorded until then.
            return (afterId, ReplayResult.ResyncFor(ResyncReason.Unknown));
        }

        var window = new ReplayWindow(settings.ReplayLimit, lookback, TimeSpan.FromSeconds(settings.ReplayCommitLagSeconds));
        return (afterId, await store.ReadAfterAsync(afterId, window, token));
    }

    private static string Describe(ResyncReason reason) => reason switch
    {
        ResyncReason.Malformed => "The resume point is not an operation id; reload the history.",
        ResyncReason.Unknown => "No operation has the resume point's id; reload the history.",
        ResyncReason.TooOld => "The resume point is older than the stream replays; reload the history.",
        _ => "More operations were recorded since the resume point than the stream replays; reload the history.",
    };

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, OperationJson.Options);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
            Message = "Stream resumed after {AfterId} with {Count} replayed operations")]
        public static partial void Resumed(ILogger logger, string afterId, int count);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Stream told to resync: {Reason}")]
        public static partial void Resync(ILogger logger, ResyncReason reason);
    }
}
