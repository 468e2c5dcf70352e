using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RecruitOps.Messaging;
using RecruitOps.Operations;
using RecruitOps.Streaming;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

/// <summary>The feed against the SDK's mockable types: an in-memory topic stands in for the namespace.</summary>
public sealed class ServiceBusRelayFeedTests : IAsyncDisposable
{
    private const string LocalConnection = "Endpoint=sb://localhost/;SharedAccessKeyName=test;SharedAccessKey=dGVzdA==";
    private readonly InMemoryTopic _topic = new();
    private readonly FakeAdministrationClient _admin = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly OperationRelay _relay = new(Options.Create(new StreamOptions()), NullLogger<OperationRelay>.Instance);
    private readonly FakeServiceBusClient _client;
    private ServiceBusRelayFeed? _feed;

    public ServiceBusRelayFeedTests() => _client = _topic.CreateClient();

    [Fact]
    public async Task Receiving_starts_with_the_first_local_subscriber_and_feeds_the_relay()
    {
        var feed = await StartFeedAsync();
        var noProcessorBefore = _client.Processors.IsEmpty;

        using var subscriber = _relay.Subscribe();
        await WaitUntilAsync(() => feed.IsReceiving);
        await new ServiceBusOperationPublisher(_client.Sender).PublishAsync(Sample("01KBKZ3Q8G0000000000000001"), TestContext.Current.CancellationToken);

        Assert.True(noProcessorBefore);
        var processor = Assert.Single(_client.Processors);
        Assert.Equal(ServiceBusReceiveMode.ReceiveAndDelete, processor.Options.ReceiveMode);
        Assert.Equal("operations", processor.TopicName);
        Assert.True(_admin.Exists(processor.SubscriptionName));
        Assert.True(subscriber.Reader.TryRead(out var received));
        Assert.Equal("01KBKZ3Q8G0000000000000001", received.Id);
    }

    [Fact]
    public async Task Receiving_stops_once_no_subscriber_has_been_left_for_the_idle_delay()
    {
        var feed = await StartFeedAsync(settings => settings.IdleStopSeconds = 30);
        var subscriber = _relay.Subscribe();
        await WaitUntilAsync(() => feed.IsReceiving);

        subscriber.Dispose();
        _time.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var receivingWithinDelay = feed.IsReceiving;
        await WaitUntilAsync(() => !feed.IsReceiving, advance: TimeSpan.FromSeconds(5));

        Assert.True(receivingWithinDelay);
        Assert.Equal(1, Assert.Single(_client.Processors).Starts);
    }

    [Fact]
    public async Task A_subscriber_that_returns_within_the_idle_delay_keeps_the_same_receiver()
    {
        var feed = await StartFeedAsync(settings => settings.IdleStopSeconds = 30);
        var leaving = _relay.Subscribe();
        await WaitUntilAsync(() => feed.IsReceiving);
        leaving.Dispose();

        using var returning = _relay.Subscribe();
        for (var i = 0; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(feed.IsReceiving);
        Assert.Equal(1, Assert.Single(_client.Processors).Starts);
    }

    [Fact]
    public async Task A_start_that_fails_is_retried_and_the_waiting_subscriber_then_receives()
    {
        _client.FailingStarts = 2;
        var feed = await StartFeedAsync();
        using var subscriber = _relay.Subscribe();

        await WaitUntilAsync(() => feed.IsReceiving, advance: TimeSpan.FromSeconds(5));
        await new ServiceBusOperationPublisher(_client.Sender).PublishAsync(Sample("01KBKZ3Q8G0000000000000002"), TestContext.Current.CancellationToken);

        Assert.Equal(1, _relay.SubscriberCount);
        Assert.True(subscriber.Reader.TryRead(out var received));
        Assert.Equal("01KBKZ3Q8G0000000000000002", received.Id);
    }

    [Fact]
    public async Task A_subscription_the_service_deleted_while_idle_is_created_again()
    {
        var feed = await StartFeedAsync();
        using var subscriber = _relay.Subscribe();
        await WaitUntilAsync(() => feed.IsReceiving);
        var processor = Assert.Single(_client.Processors);
        _admin.DeleteIdle(processor.SubscriptionName);

        await processor.FailAsync(new ServiceBusException("The messaging entity could not be found.", ServiceBusFailureReason.MessagingEntityNotFound));

        Assert.True(_admin.Exists(processor.SubscriptionName));
        Assert.Equal(2, _admin.Requests.Count);
        Assert.True(feed.IsReceiving);
    }

    [Fact]
    public async Task A_message_that_is_not_an_operation_is_dropped_and_the_next_one_still_arrives()
    {
        var feed = await StartFeedAsync();
        using var subscriber = _relay.Subscribe();
        await WaitUntilAsync(() => feed.IsReceiving);
        var processor = Assert.Single(_client.Processors);

        await processor.DeliverAsync(ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("{not json"), messageId: "x"));
        await processor.DeliverAsync(InMemoryTopic.ToReceived(OperationMessage.Create(Sample("01KBKZ3Q8G0000000000000003"))));

        Assert.True(subscriber.Reader.TryRead(out var received));
        Assert.Equal("01KBKZ3Q8G0000000000000003", received.Id);
        Assert.False(subscriber.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Without_service_bus_settings_the_feed_does_nothing()
    {
        var feed = await StartFeedAsync(settings => settings.ConnectionString = null);

        using var subscriber = _relay.Subscribe();
        await feed.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(feed.ExecuteTask.IsCompletedSuccessfully);
        Assert.Empty(_client.Processors);
    }

    private async Task<ServiceBusRelayFeed> StartFeedAsync(Action<ServiceBusOptions>? configure = null)
    {
        var settings = new ServiceBusOptions { ConnectionString = LocalConnection };
        configure?.Invoke(settings);
        _feed = new ServiceBusRelayFeed(
            _relay,
            new FixedClientFactory<ServiceBusClient>(_client),
            SubscriptionProvisionerTests.Provisioner(_admin, settings),
            Options.Create(settings),
            _time,
            NullLogger<ServiceBusRelayFeed>.Instance);
        await _feed.StartAsync(TestContext.Current.CancellationToken);
        return _feed;
    }

    /// <summary>Waits (boundedly) for the feed's background loop, advancing the fake clock for its timers if asked.</summary>
    private async Task WaitUntilAsync(Func<bool> condition, TimeSpan? advance = null)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            if (advance is { } step)
            {
                _time.Advance(step);
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "The feed did not reach the expected state.");
    }

    private static Operation Sample(string id) =>
        new(id, "R10001", null, "created", null, null, null, new Actor("u-1", "Test", "recruiter"), DateTimeOffset.UnixEpoch);

    public async ValueTask DisposeAsync()
    {
        if (_feed is not null)
        {
            await _feed.StopAsync(CancellationToken.None);
            _feed.Dispose();
        }
    }
}
