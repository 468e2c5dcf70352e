using System.Threading.Channels;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruitOps.Streaming;

namespace RecruitOps.Messaging;

/// <summary>
/// Relays the topic to this instance's streams through the instance's own subscription. Receives only while streams
/// are open here: starts with the first subscriber, stops when none has been left for <c>ServiceBus:IdleStopSeconds</c>.
/// A start that fails is retried while subscribers wait; faults while running are the SDK's to retry, and the
/// subscribers stay with the relay throughout, so none of them notices more than a pause.
/// </summary>
public sealed partial class ServiceBusRelayFeed(
    OperationRelay relay,
    IAzureClientFactory<ServiceBusClient> clients,
    SubscriptionProvisioner provisioner,
    IOptions<ServiceBusOptions> options,
    TimeProvider timeProvider,
    ILogger<ServiceBusRelayFeed> logger) : BackgroundService
{
    // Capacity one, dropping extra writes: a burst of subscriber changes wakes the loop once, and it reads the count.
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private ServiceBusProcessor? _processor;

    /// <summary>True while messages are being received (for health and tests).</summary>
    public bool IsReceiving => _processor?.IsProcessing == true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            return;
        }

        relay.SubscriberCountChanged += OnSubscriberCountChanged;
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
        finally
        {
            relay.SubscriberCountChanged -= OnSubscriberCountChanged;
            if (_processor is not null)
            {
                await _processor.DisposeAsync();
            }
        }
    }

    private async Task RunAsync(CancellationToken token)
    {
        var settings = options.Value;
        while (true)
        {
            if (relay.SubscriberCount > 0 && !IsReceiving)
            {
                if (!await TryStartAsync(token))
                {
                    await WaitForChangeAsync(TimeSpan.FromSeconds(settings.RestartDelaySeconds), token);
                }
            }
            else if (relay.SubscriberCount == 0 && IsReceiving)
            {
                // Linger: a page that reloads reconnects within seconds, and reopening the link costs more than idling.
                if (!await WaitForChangeAsync(TimeSpan.FromSeconds(settings.IdleStopSeconds), token) && relay.SubscriberCount == 0)
                {
                    await StopReceivingAsync(token);
                }
            }
            else
            {
                await WaitForChangeAsync(Timeout.InfiniteTimeSpan, token);
            }
        }
    }

    private async Task<bool> TryStartAsync(CancellationToken token)
    {
        try
        {
            // TODO(#5): a stream that opens while its instance creates the subscription misses what is published in
            // that second; it gets it on its next resume. Waiting for the processor in the stream would close the gap.
            var subscription = await provisioner.EnsureAsync(token);
            _processor ??= CreateProcessor(subscription);
            await _processor.StartProcessingAsync(token);
            Log.Started(logger, subscription, relay.SubscriberCount);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            // Any fault (rights, network, credential) must not end the loop: streams keep their subscribers and
            // heartbeats, and receiving starts once the fault clears.
            Log.StartFailed(logger, ex, provisioner.Name);
            return false;
        }
    }

    private async Task StopReceivingAsync(CancellationToken token)
    {
        try
        {
            await _processor!.StopProcessingAsync(token);
            Log.Stopped(logger, provisioner.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            // Still receiving, into a relay with no subscribers: harmless, and the next idle period tries again.
            Log.StopFailed(logger, ex, provisioner.Name);
        }
    }

    private ServiceBusProcessor CreateProcessor(string subscription)
    {
        var processor = clients.CreateClient(ServiceBusClients.Name).CreateProcessor(options.Value.TopicName, subscription, new ServiceBusProcessorOptions
        {
            // The table, not the subscription, is what resume replays from: a copy lost on the way costs nothing.
            ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete,
            // One at a time keeps the topic's order; delivery to the relay never blocks, so it is fast enough.
            MaxConcurrentCalls = 1,
            PrefetchCount = 32,
        });
        processor.ProcessMessageAsync += HandleMessageAsync;
        processor.ProcessErrorAsync += HandleErrorAsync;
        return processor;
    }

    internal Task HandleMessageAsync(ProcessMessageEventArgs args)
    {
        if (OperationMessage.TryRead(args.Message) is { } operation)
        {
            relay.Deliver(operation);
        }
        else
        {
            Log.Unreadable(logger, args.Message.MessageId);
        }

        return Task.CompletedTask;
    }

    internal async Task HandleErrorAsync(ProcessErrorEventArgs args)
    {
        Log.ReceiveFailed(logger, args.Exception, args.ErrorSource.ToString(), args.EntityPath);
        if (args.Exception is ServiceBusException { Reason: ServiceBusFailureReason.MessagingEntityNotFound })
        {
            // The processor keeps retrying its link and succeeds once the subscription is back.
            await provisioner.RecreateAsync(args.CancellationToken);
        }
    }

    private void OnSubscriberCountChanged(int count) => _changes.Writer.TryWrite(true);

    /// <summary>True when the subscriber count changed, false when <paramref name="delay"/> passed first.</summary>
    private async Task<bool> WaitForChangeAsync(TimeSpan delay, CancellationToken token)
    {
        using var timer = new CancellationTokenSource(delay, timeProvider);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(token, timer.Token);
        try
        {
            await _changes.Reader.ReadAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Receiving operations from subscription {Subscription} for {Subscribers} local subscribers")]
        public static partial void Started(ILogger logger, string subscription, int subscribers);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Stopped receiving from subscription {Subscription}: no local subscribers")]
        public static partial void Stopped(ILogger logger, string subscription);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Could not start receiving from subscription {Subscription}; retrying")]
        public static partial void StartFailed(ILogger logger, Exception exception, string subscription);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Receiving failed ({ErrorSource}) on {EntityPath}; the processor retries")]
        public static partial void ReceiveFailed(ILogger logger, Exception exception, string errorSource, string entityPath);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Dropped message {MessageId}: not an operation")]
        public static partial void Unreadable(ILogger logger, string messageId);

        [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Could not stop receiving from subscription {Subscription}")]
        public static partial void StopFailed(ILogger logger, Exception exception, string subscription);

    }
}
