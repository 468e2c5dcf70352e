using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruitOps.Auth;
using RecruitOps.Hardening;
using RecruitOps.Operations;

namespace RecruitOps.Streaming;

/// <summary>
/// The live stream: <c>ready</c>, then a replay of what the client missed (when it resumes) or <c>resync</c> (which
/// ends the stream), then each new operation as it is published, with heartbeat comments between, until the stream's
/// lifetime ends, the caller's token expires, the client falls behind by the backlog cap, the relay's feed may have
/// missed operations or the app stops. Contract: docs/streaming.md.
/// </summary>
public sealed partial class StreamFunction(
    IRequestAuthenticator authenticator,
    IOperationStore store,
    OperationRelay relay,
    IRelayFeed feed,
    CallerStreamQuota quota,
    IOptions<StreamOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<StreamFunction> logger)
{
    /// <summary>How long a client refused before its stream started waits before trying again.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

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

        using var lease = quota.TryAcquire(auth.Actor!.Sub);
        if (lease is null)
        {
            return Problems.TooManyRequests(
                request.HttpContext.Response, TimeSpan.FromSeconds(30),
                "This caller already holds the most live streams allowed; close one (another tab or window) first.",
                title: "Too many streams");
        }

        var context = request.HttpContext;
        // Subscribe before reading storage, so nothing published while the replay runs falls between the two.
        using var subscription = relay.Subscribe();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken, context.RequestAborted, lifetime.ApplicationStopping, subscription.Closed);
        var (limit, expiryFirst) = Deadline(auth.ExpiresAt);
        stopping.CancelAfter(limit);
        var token = stopping.Token;
        var resumeFrom = ResumePoint.Read(request);
        Log.Connected(logger, resumeFrom is not null, relay.SubscriberCount);

        StreamEnd end;
        try
        {
            // Storage is read only once the feed receives: what commits before the read is in it, what commits after
            // reaches the mailbox. Until then an operation could fall between the two for good.
            if (!await feed.WhenReceivingAsync(token))
            {
                return FeedNotReady(context.Response);
            }

            var writer = EventStreamWriter.Prepare(context.Response);
            var sent = new SentIds(options.Value.ReplayLimit + options.Value.BacklogCapacity);
            var opener = new StreamOpener(store, relay, options.Value, timeProvider, logger);
            var heartbeat = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
            end = await opener.OpenAsync(writer, resumeFrom, sent, token)
                ? await LiveRelay.RunAsync(writer, subscription, sent, heartbeat, logger, token)
                : StreamEnd.Resync;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            end = subscription.Overflowed ? StreamEnd.Backlog
                : subscription.ClosedForFeedGap ? StreamEnd.FeedGap
                : lifetime.ApplicationStopping.IsCancellationRequested ? StreamEnd.AppStopping
                : context.RequestAborted.IsCancellationRequested || cancellationToken.IsCancellationRequested ? StreamEnd.ClientGone
                : expiryFirst ? StreamEnd.TokenExpired : StreamEnd.Lifetime;
        }
        catch (IOException)
        {
            end = StreamEnd.ClientGone;
        }
        catch (RequestFailedException ex)
        {
            // Before the first event this is still a 503; after it, all that is left is to end the stream.
            Log.StorageFailed(logger, ex.Status, ex.ErrorCode);
            end = StreamEnd.StorageFailed;
        }
        catch (Exception ex) when (DependencyOutage.Matches(ex))
        {
            // Unreachable storage surfaces as the retries' AggregateException, not a RequestFailedException. Left to
            // the host, it would abort the connection mid-response and log an unhandled error.
            Log.StorageFailed(logger, 0, ex.GetType().Name);
            end = StreamEnd.StorageFailed;
        }

        if (end == StreamEnd.FeedGap && !context.Response.HasStarted)
        {
            // Closed while it waited for the feed: nothing was sent, so say so instead of an empty 200.
            return FeedNotReady(context.Response);
        }

        if (end == StreamEnd.StorageFailed && !context.Response.HasStarted)
        {
            return Problems.ServiceUnavailable(
                context.Response, RetryAfter, "Storage is not reachable right now; connect again shortly.");
        }

        if (end == StreamEnd.Backlog)
        {
            // Its writes may be stuck behind full socket buffers; only dropping the connection frees them now.
            context.Abort();
        }

        Log.Ended(logger, end);
        return Results.Empty;
    }

    /// <summary>503 before the stream starts: the client retries, and nothing it could miss was promised.</summary>
    private IResult FeedNotReady(HttpResponse response)
    {
        Log.FeedNotReady(logger);
        return Problems.ServiceUnavailable(
            response, RetryAfter,
            "This instance is not yet receiving operations from the other instances; connect again shortly.",
            title: "Live feed not ready");
    }

    /// <summary>The stream's lifetime, cut short by the token's expiry (at the next heartbeat if it already passed).</summary>
    private (TimeSpan Limit, bool ExpiryFirst) Deadline(DateTimeOffset? expiresAt)
    {
        var settings = options.Value;
        var limit = TimeSpan.FromSeconds(settings.LifetimeSeconds);
        if (expiresAt is not { } expiry || expiry - timeProvider.GetUtcNow() >= limit)
        {
            return (limit, false);
        }

        var untilExpiry = expiry - timeProvider.GetUtcNow();
        return (untilExpiry > TimeSpan.Zero ? untilExpiry : TimeSpan.FromSeconds(settings.HeartbeatSeconds), true);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
            Message = "Stream connected (resuming: {Resuming}); {Subscribers} subscribers on this instance")]
        public static partial void Connected(ILogger logger, bool resuming, int subscribers);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Information,
            Message = "Stream ended: {Reason}")]
        public static partial void Ended(ILogger logger, StreamEnd reason);

        [LoggerMessage(EventId = 2006, Level = LogLevel.Warning,
            Message = "Stream ended by a storage failure: status {Status}, error {ErrorCode}")]
        public static partial void StorageFailed(ILogger logger, int status, string? errorCode);

        [LoggerMessage(EventId = 2007, Level = LogLevel.Warning,
            Message = "Stream refused with 503: the relay's feed is not receiving yet")]
        public static partial void FeedNotReady(ILogger logger);
    }
}
