using Azure.Messaging.ServiceBus;
using RecruitOps.Messaging;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

/// <summary>When the feed receives, against the SDK's mockable types: an in-memory topic stands in for the namespace.</summary>
public sealed class ServiceBusRelayFeedTests : IAsyncDisposable
{
    private readonly FeedHarness _bus = new();

    [Fact]
    public async Task Receiving_starts_with_the_first_local_subscriber_and_feeds_the_relay()
    {
        var feed = await _bus.StartFeedAsync();
        var noProcessorBefore = _bus.Client.Processors.IsEmpty;

        using var subscriber = _bus.Relay.Subscribe();
        await _bus.WaitUntilAsync(() => feed.IsReceiving);
        await _bus.PublishAsync("01KBKZ3Q8G0000000000000001");

        Assert.True(noProcessorBefore);
        var processor = _bus.Processor;
        Assert.Equal(ServiceBusReceiveMode.ReceiveAndDelete, processor.Options.ReceiveMode);
        // Prefetched messages are already deleted from the subscription; a dropped link would lose them.
        Assert.Equal(0, processor.Options.PrefetchCount);
        Assert.Equal("operations", processor.TopicName);
        Assert.True(_bus.Admin.Exists(processor.SubscriptionName));
        Assert.True(subscriber.Reader.TryRead(out var received));
        Assert.Equal("01KBKZ3Q8G0000000000000001", received.Id);
    }

    [Fact]
    public async Task Receiving_stops_once_no_subscriber_has_been_left_for_the_idle_delay()
    {
        var feed = await _bus.StartFeedAsync(settings => settings.IdleStopSeconds = 30);
        var subscriber = _bus.Relay.Subscribe();
        await _bus.WaitUntilAsync(() => feed.IsReceiving);

        subscriber.Dispose();
        _bus.Time.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var receivingWithinDelay = feed.IsReceiving;
        await _bus.WaitUntilAsync(() => !_bus.Processor.IsProcessing, advance: TimeSpan.FromSeconds(5));

        Assert.True(receivingWithinDelay);
        Assert.False(feed.IsReceiving);
        Assert.Equal(1, _bus.Processor.Starts);
        Assert.Equal(0, feed.Gaps);
    }

    [Fact]
    public async Task A_subscriber_that_returns_within_the_idle_delay_keeps_the_same_receiver()
    {
        var feed = await _bus.StartFeedAsync(settings => settings.IdleStopSeconds = 30);
        var leaving = _bus.Relay.Subscribe();
        await _bus.WaitUntilAsync(() => feed.IsReceiving);
        leaving.Dispose();

        using var returning = _bus.Relay.Subscribe();
        for (var i = 0; i < 12; i++)
        {
            _bus.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(feed.IsReceiving);
        Assert.Equal(1, _bus.Processor.Starts);
    }

    [Fact]
    public async Task A_start_that_fails_is_retried_and_the_waiting_subscriber_then_receives()
    {
        _bus.Client.FailingStarts = 2;
        var feed = await _bus.StartFeedAsync();
        using var subscriber = _bus.Relay.Subscribe();

        await _bus.WaitUntilAsync(() => feed.IsReceiving, advance: TimeSpan.FromSeconds(5));
        await _bus.PublishAsync("01KBKZ3Q8G0000000000000002");

        Assert.Equal(1, _bus.Relay.SubscriberCount);
        Assert.True(subscriber.Reader.TryRead(out var received));
        Assert.Equal("01KBKZ3Q8G0000000000000002", received.Id);
        Assert.Equal(new ReceiveError("ServiceBusException", "ServiceCommunicationProblem", "Start", feed.LastError!.At), feed.LastError);
    }

    [Fact]
    public async Task A_message_that_is_not_an_operation_is_dropped_and_the_next_one_still_arrives()
    {
        var feed = await _bus.StartFeedAsync();
        using var subscriber = _bus.Relay.Subscribe();
        await _bus.WaitUntilAsync(() => feed.IsReceiving);
        var now = _bus.Time.GetUtcNow();

        await _bus.Processor.DeliverAsync(ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{not json"), messageId: "x", enqueuedTime: now));
        await _bus.Processor.DeliverAsync(InMemoryTopic.ToReceived(
            OperationMessage.Create(FeedHarness.Sample("01KBKZ3Q8G0000000000000003")), now));

        Assert.True(subscriber.Reader.TryRead(out var received));
        Assert.Equal("01KBKZ3Q8G0000000000000003", received.Id);
        Assert.False(subscriber.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Without_service_bus_settings_the_feed_does_nothing()
    {
        var feed = await _bus.StartFeedAsync(settings => settings.ConnectionString = null);

        using var subscriber = _bus.Relay.Subscribe();
        await feed.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(feed.ExecuteTask.IsCompletedSuccessfully);
        Assert.Empty(_bus.Client.Processors);
    }

    public ValueTask DisposeAsync() => _bus.DisposeAsync();
}
