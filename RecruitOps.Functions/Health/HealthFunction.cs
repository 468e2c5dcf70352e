using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RecruitOps.Operations;
using RecruitOps.Streaming;

namespace RecruitOps.Health;

/// <summary>
/// Anonymous health probe: storage reachability and this instance's relay. 503 when storage does not answer. Reveals
/// counts only, never ids or payloads.
/// </summary>
public sealed class HealthFunction(IOperationStore store, OperationRelay relay)
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
            new RelayHealth(relay.SubscriberCount, relay.ClosedForBacklog, relay.ResyncsServed, relay.ReplaysServed, relay.Delivered));
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(report, statusCode: storageReachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
