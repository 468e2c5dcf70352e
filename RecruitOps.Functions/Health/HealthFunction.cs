using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RecruitOps.Operations;
using RecruitOps.Streaming;

namespace RecruitOps.Health;

/// <summary>Anonymous health probe: storage reachability and the relay's state. 503 when storage does not answer.</summary>
public sealed class HealthFunction(IOperationStore store, OperationRelay relay)
{
    [Function(nameof(Health))]
    public async Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
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
            new RelayHealth(relay.SubscriberCount, relay.ClosedForBacklog, relay.Delivered));
        return TypedResults.Json(report, statusCode: storageReachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthReport(string Status, StorageHealth Storage, RelayHealth Relay);

public sealed record StorageHealth(bool Reachable);

public sealed record RelayHealth(int Subscribers, long ClosedForBacklog, long Delivered);
