using Azure;

namespace RecruitOps;

/// <summary>
/// Recognises a storage or messaging outage: Azure.Core gives up on a transport failure or a server that does not
/// answer in time with an <see cref="AggregateException"/> of its attempts, or reports a server-side failure as a 5xx
/// or status-0 <see cref="RequestFailedException"/>. Such a request gets 503, not 500: the client did nothing wrong and may retry.
/// </summary>
public static class DependencyOutage
{
    public static bool Matches(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or >= 500,
        HttpRequestException => true,
        TimeoutException => true,
        Azure.Messaging.ServiceBus.ServiceBusException bus => bus.IsTransient,
        // Each try the retry policy gave up on: a cancelled try inside it is the SDK's own network timeout, since a
        // caller's cancellation is rethrown as it is, never collected into the aggregate.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 &&
            aggregate.InnerExceptions.All(inner => inner is OperationCanceledException || Matches(inner)),
        _ => false,
    };
}
