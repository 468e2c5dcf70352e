using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruitOps.Auth;
using RecruitOps.Operations;

namespace RecruitOps.Streaming;

/// <summary>
/// The live stream: <c>ready</c>, then a replay of what the client missed (when it resumes), then each new operation
/// as it is published, with heartbeat comments between, until the stream's lifetime ends or the app stops.
/// </summary>
public sealed partial class StreamFunction(
    IRequestAuthenticator authenticator,
    IOperationStore store,
    OperationRelay relay,
    IOptions<StreamOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<StreamFunction> logger)
{
    [Function(nameof(StreamOperations))]
    public async Task<IResult> StreamOperations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recruits/operations/stream")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var auth = await authenticator.AuthenticateAsync(request, AccessLevel.Read, cancellationToken);
        if (auth.Failure is not null)
        {
            return auth.Failure;
        }

        var settings = options.Value;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken, request.HttpContext.RequestAborted, lifetime.ApplicationStopping);
        stopping.CancelAfter(TimeSpan.FromSeconds(settings.LifetimeSeconds));
        var token = stopping.Token;

        // Subscribe before reading storage, so nothing published while the replay runs falls between the two.
        using var subscription = relay.Subscribe();
        var resumeFrom = ResumePoint(request);
        var newestId = await store.GetNewestIdAsync(token) ?? OperationId.AtTime(timeProvider.GetUtcNow());
        Log.Connected(logger, resumeFrom is not null, relay.SubscriberCount);

        try
        {
            var writer = await EventStreamWriter.StartAsync(request.HttpContext.Response, token);
            await writer.WriteEventAsync(EventStreamWriter.ReadyEventType, newestId, Json(new ReadyPayload(newestId)), token,
                retry: TimeSpan.FromMilliseconds(settings.RetryMilliseconds));

            var sent = new HashSet<string>(StringComparer.Ordinal);
            if (resumeFrom is not null && !await ReplayAsync(writer, resumeFrom, sent, token))
            {
                return Results.Empty;
            }

            await RelayLiveAsync(writer, subscription, sent, auth.ExpiresAt, token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Lifetime reached, client gone or app stopping: the client resumes from its last id.
        }
        catch (IOException)
        {
            // The client went away mid-write.
        }

        Log.Ended(logger, subscription.Overflowed);
        return Results.Empty;
    }

    private async Task<bool> ReplayAsync(EventStreamWriter writer, string resumeFrom, HashSet<string> sent, CancellationToken token)
    {
        var replay = await store.ReadAfterAsync(resumeFrom, options.Value.ReplayLimit, token);
        if (replay.ResyncRequired)
        {
            Log.Resync(logger);
            await writer.WriteEventAsync(EventStreamWriter.ResyncEventType, null, Json(new ResyncPayload("The resume point is unknown or too far back; reload the history.")), token);
            return false;
        }

        foreach (var operation in replay.Operations)
        {
            var operationEvent = new OperationEvent(operation);
            await writer.WriteEventAsync(EventStreamWriter.OperationEventType, operation.Id, operationEvent.Utf8Json, token);
            sent.Add(operation.Id);
        }

        Log.Resumed(logger, replay.Operations.Count);
        return true;
    }

    private async Task RelayLiveAsync(
        EventStreamWriter writer, RelaySubscription subscription, HashSet<string> sent, DateTimeOffset? expiresAt, CancellationToken token)
    {
        var heartbeat = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        while (!token.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
            wait.CancelAfter(heartbeat);
            bool ready;
            try
            {
                ready = await subscription.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                if (expiresAt is { } expiry && timeProvider.GetUtcNow() >= expiry)
                {
                    return;
                }

                await writer.WriteHeartbeatAsync(token);
                continue;
            }

            if (!ready)
            {
                return;
            }

            while (subscription.Reader.TryRead(out var operationEvent))
            {
                if (sent.Count > 0 && sent.Remove(operationEvent.Id))
                {
                    continue;
                }

                await writer.WriteEventAsync(EventStreamWriter.OperationEventType, operationEvent.Id, operationEvent.Utf8Json, token);
            }
        }
    }

    private static string? ResumePoint(HttpRequest request)
    {
        var header = request.Headers["Last-Event-ID"].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var query = request.Query["lastEventId"].ToString();
        return query.Length > 0 ? query : null;
    }

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, OperationJson.Options);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Stream connected (resuming: {Resuming}); {Subscribers} subscribers on this instance")]
        public static partial void Connected(ILogger logger, bool resuming, int subscribers);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Stream resumed with {Count} replayed operations")]
        public static partial void Resumed(ILogger logger, int count);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Stream asked to resync: resume point unknown or beyond the replay limit")]
        public static partial void Resync(ILogger logger);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Stream ended (closed for backlog: {Overflowed})")]
        public static partial void Ended(ILogger logger, bool overflowed);
    }
}
