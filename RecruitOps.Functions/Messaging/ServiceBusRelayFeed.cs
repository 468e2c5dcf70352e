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
/// A start that fails is retried while subscribers wait. Streams read storage only once it receives
/// (<see cref="WhenReceivingAsync"/>), and whenever it may have missed a message (a receive fault, a stop, the
/// subscription created again) every stream is closed, so its client resumes and the replay from storage fills the gap.
/// </summary>
public sealed partial class ServiceBusRelayFeed(
    OperationRelay relay,
    IAzureClientFactory<ServiceBusClient> clients,
    SubscriptionProvisioner provisioner,
    IOptions<ServiceBusOptions> options,
    TimeProvider timeProvider,
    ILogger<ServiceBusRelayFeed> logger) : BackgroundService, IRelayFeed
{
    /// <summary>
    /// Messages enqueued this long before receiving (re)started are dropped: they waited in the subscription while
    /// nothing received, every stream open now read storage after that, and a burst of them would reach new streams
    /// out of order or overflow their backlog. The margin covers clock skew between this instance and Service Bus.
    /// </summary>
    public static readonly TimeSpan StaleMargin = TimeSpan.FromSeconds(30);

    // Capacity one, dropping extra writes: a burst of changes wakes the loop once, and it reads the state.
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ReceivingSignal _receiving = new();
    private ServiceBusProcessor? _processor;
    private long _staleBeforeTicks;
    private volatile bool _subscriptionLost;
    private volatile ReceiveError? _lastError;
    private long _gaps;
    private long _staleDropped;

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>True while the subscription exists and messages are being received.</summary>
    public bool IsReceiving => _receiving.IsSet;

    public string SubscriptionName => provisioner.Name;

    /// <summary>Times the feed may have missed messages and closed the streams open then (for health).</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    /// <summary>Messages dropped for being enqueued well before receiving started (for health).</summary>
    public long StaleDropped => Interlocked.Read(ref _staleDropped);

    public ReceiveError? LastError => _lastError;

    public async Task<bool> WhenReceivingAsync(CancellationToken cancellationToken)
    {
        var receiving = _receiving.Task;
        if (receiving.IsCompleted)
        {
            return true;
        }

        try
        {
            await receiving.WaitAsync(TimeSpan.FromSeconds(options.Value.ReadyTimeoutSeconds), timeProvider, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

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
            var started = _processor?.IsProcessing == true;
            if (relay.SubscriberCount > 0 && (!IsReceiving || _subscriptionLost))
            {
                if (!await TryStartAsync(token))
                {
                    await WaitForChangeAsync(TimeSpan.FromSeconds(settings.RestartDelaySeconds), token);
                }
            }
            else if (relay.SubscriberCount == 0 && started)
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

    /// <summary>Creates the subscription if needed and starts the processor (unless it still runs), then signals streams.</summary>
    private async Task<bool> TryStartAsync(CancellationToken token)
    {
        try
        {
            _subscriptionLost = false;
            var subscription = await provisioner.EnsureAsync(token);
            _processor ??= CreateProcessor(subscription);
            Volatile.Write(ref _staleBeforeTicks, (timeProvider.GetUtcNow() - StaleMargin).UtcTicks);
            if (!_processor.IsProcessing)
            {
                await _processor.StartProcessingAsync(token);
            }

            _receiving.Set();
            Log.Started(logger, subscription, relay.SubscriberCount);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            // Any fault (rights, network, credential) must not end the loop: waiting streams time out with 503 and
            // retry, and receiving starts once the fault clears.
            _lastError = ReceiveError.From(ex, "Start", timeProvider.GetUtcNow());
            Log.StartFailed(logger, ex, provisioner.Name);
            return false;
        }
    }

    private async Task StopReceivingAsync(CancellationToken token)
    {
        // Streams that open from now on wait for the next start. One that slipped in since the loop saw none may
        // have read storage already, and the next start drops what waits in the subscription meanwhile: it resumes
        // after that start instead.
        _receiving.Reset();
        if (relay.CloseAllForFeedGap() > 0)
        {
            Interlocked.Increment(ref _gaps);
        }

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
            // The table, not the subscription, is what resume replays from: a copy lost on the way costs a resume.
            ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete,
            // One at a time keeps the topic's order; delivery to the relay never blocks, so it is fast enough.
            MaxConcurrentCalls = 1,
            // In ReceiveAndDelete a prefetched message is already gone from the subscription: a dropped link loses it.
            PrefetchCount = 0,
        });
        processor.ProcessMessageAsync += HandleMessageAsync;
        processor.ProcessErrorAsync += HandleErrorAsync;
        return processor;
    }

    internal Task HandleMessageAsync(ProcessMessageEventArgs args)
    {
        if (args.Message.EnqueuedTime.UtcTicks < Volatile.Read(ref _staleBeforeTicks))
        {
            Interlocked.Increment(ref _staleDropped);
            Log.DroppedStale(logger, args.Message.MessageId);
        }
        else if (OperationMessage.TryRead(args.Message) is { } operation)
        {
            relay.Deliver(operation);
        }
        else
        {
            Log.Unreadable(logger, args.Message.MessageId);
        }

        return Task.CompletedTask;
    }

    internal Task HandleErrorAsync(ProcessErrorEventArgs args)
    {
        _lastError = ReceiveError.From(args.Exception, args.ErrorSource.ToString(), timeProvider.GetUtcNow());
        Log.ReceiveFailed(logger, args.Exception, args.ErrorSource.ToString(), args.EntityPath);
        var subscriptionLost = args.Exception is ServiceBusException { Reason: ServiceBusFailureReason.MessagingEntityNotFound };
        if (subscriptionLost)
        {
            // What is published until the subscription exists again never reaches it: new streams wait for the loop
            // to create it (the processor keeps retrying its link and succeeds once it is back).
            _receiving.Reset();
            _subscriptionLost = true;
        }

        // ReceiveAndDelete: whatever was on its way when the link failed is gone. Every stream resumes from storage.
        Interlocked.Increment(ref _gaps);
        relay.CloseAllForFeedGap();
        if (subscriptionLost)
        {
            _changes.Writer.TryWrite(true);
        }

        return Task.CompletedTask;
    }

    private void OnSubscriberCountChanged(int count) => _changes.Writer.TryWrite(true);

    /// <summary>True when something changed, false when <paramref name="delay"/> passed first.</summary>
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

        [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Receiving failed ({ErrorSource}) on {EntityPath}; streams resume from storage and the processor retries")]
        public static partial void ReceiveFailed(ILogger logger, Exception exception, string errorSource, string entityPath);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Dropped message {MessageId}: not an operation")]
        public static partial void Unreadable(ILogger logger, string messageId);

        [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Could not stop receiving from subscription {Subscription}")]
        public static partial void StopFailed(ILogger logger, Exception exception, string subscription);

        [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "Dropped message {MessageId}: enqueued before receiving started")]
        public static partial void DroppedStale(ILogger logger, string messageId);
    }
}
