using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RecruitOps.Messaging;

/// <summary>
/// Opens the Service Bus sender's link in the background as the app starts, so the first operation recorded after a
/// cold start is published on time instead of waiting for the sweeper. Does nothing with the in-process relay.
/// </summary>
public sealed partial class PublisherWarmup(IOperationPublisher publisher, ILogger<PublisherWarmup> logger) : BackgroundService
{
    /// <summary>Long enough for the SDK's own retries; a namespace still unreachable then is the sweeper's to catch up on.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (publisher is not ServiceBusOperationPublisher serviceBus)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await serviceBus.WarmUpAsync(timeout.Token);
            Log.Warmed(logger);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Never fatal: publishing connects on first use anyway, and whatever misses its timeout keeps its mark.
            Log.WarmUpFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Service Bus sender connected ahead of the first publish")]
        public static partial void Warmed(ILogger logger);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Could not connect the Service Bus sender ahead of time; the first publish connects")]
        public static partial void WarmUpFailed(ILogger logger, Exception exception);
    }
}
