using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RecruitOps.Messaging;
using RecruitOps.Operations;
using RecruitOps.Streaming;

namespace RecruitOps.Health;

/// <summary>
/// Anonymous health probe: storage reachability, this instance's relay and its Service Bus feed. 503 when storage does
/// not answer; a feed that is not receiving is not unhealthy (it stops when no stream is open). Reveals counts, the
/// subscription name and the kind of the last receive fault only, never ids, payloads or error messages.
/// </summary>
public sealed class HealthFunction(IOperationStore store, OperationRelay relay, ServiceBusRelayFeed feed)
{
    public const string Route = "health";
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);

    [Function(nameof(Health))]
    public async Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        bool storageReachable;
        try
        {
            storageReachable = await store.PingAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            storageReachable = false;
        }

        var report = new HealthReport(
            storageReachable ? "healthy" : "unhealthy",
            new StorageHealth(storageReachable),
            new RelayHealth(
                relay.SubscriberCount, relay.ClosedForBacklog, relay.ClosedForFeedGap,
                relay.ResyncsServed, relay.ReplaysServed, relay.Delivered),
            ServiceBusHealth.Of(feed));
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(report, statusCode: storageReachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
