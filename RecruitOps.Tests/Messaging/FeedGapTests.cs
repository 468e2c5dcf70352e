using Azure.Messaging.ServiceBus;
using RecruitOps.Messaging;
using RecruitOps.Streaming;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

/// <summary>
/// A stream must never miss an operation for good: it reads storage only once the feed receives, and whenever the
/// feed may have missed a message every stream is closed, so its client resumes and the replay brings it back.
/// </summary>
public sealed class FeedGapTests : IAsyncDisposable
{
    private readonly FeedHarness _bus = new();

    [Fact]
    public async Task A_stream_is_told_the_feed_receives_only_once_the_subscription_exists_and_the_processor_runs()
    {
        var creating = new TaskCompletionSource();
        _bus.Admin.HoldCreates = creating.Task;
        var feed = await _bus.StartFeedAsync();
        using var subscriber = _bus.Relay.Subscribe();

        var ready = feed.WhenReceivingAsync(TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var readyWhileCreating = ready.IsCompleted;
        creating.SetResult();

        Assert.False(readyWhileCreating);
        Assert.True(await ready.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.True(_bus.Admin.Exists(_bus.Processor.SubscriptionName));
        Assert.True(_bus.Processor.IsProcessing);
    }

    [Fact]
    public async Task A_stream_stops_waiting_after_the_ready_timeout_when_receiving_cannot_start()
    {
        _bus.Client.FailingStarts = 1_000;
        var feed = await _bus.StartFeedAsync(settings => settings.ReadyTimeoutSeconds = 10);
        using var subscriber = _bus.Relay.Subscribe();

        var ready = feed.WhenReceivingAsync(TestContext.Current.CancellationToken);
        await _bus.WaitUntilAsync(() => ready.IsCompleted, advance: TimeSpan.FromSeconds(1));

        Assert.False(await ready);
        Assert.False(feed.IsReceiving);
    }

    [Fact]
    public async Task A_receive_fault_closes_every_stream_so_each_resumes_from_storage()
    {
        var feed = await _bus.StartFeedAsync();
        var first = _bus.Relay.Subscribe();
        var second = _bus.Relay.Subscribe();
        await _bus.WaitUntilAsync(() => feed.IsReceiving);

        await _bus.Processor.FailAsync(RecordingSender.Unreachable());

        Assert.True(first.ClosedForFeedGap);
        Assert.True(second.ClosedForFeedGap);
        Assert.True(first.Closed.IsCancellationRequested);
        Assert.False(first.Reader.TryRead(out _));
        Assert.Equal(0, _bus.Relay.SubscriberCount);
        Assert.Equal(2, _bus.Relay.ClosedForFeedGap);
        Assert.Equal(1, feed.Gaps);
        Assert.Equal("ServiceCommunicationProblem", feed.LastError?.Reason);
        Assert.Equal("Receive", feed.LastError?.Source);
        // The subscription still keeps what is published from now on; new streams need not wait.
        Assert.True(feed.IsReceiving);
    }

    [Fact]
    public async Task A_subscription_the_service_deleted_is_created_again_before_new_streams_read_storage()
    {
        var feed = await _bus.StartFeedAsync();
        var lost = _bus.Relay.Subscribe();
        await _bus.WaitUntilAsync(() => feed.IsReceiving);
        var name = _bus.Processor.SubscriptionName;
        _bus.Admin.DeleteIdle(name);
        var creating = new TaskCompletionSource();
        _bus.Admin.HoldCreates = creating.Task;

        await _bus.Processor.FailAsync(new ServiceBusException("The messaging entity could not be found.", ServiceBusFailureReason.MessagingEntityNotFound));
        using var returning = _bus.Relay.Subscribe();
        var ready = feed.WhenReceivingAsync(TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var readyWhileMissing = ready.IsCompleted;
        creating.SetResult();

        Assert.True(lost.ClosedForFeedGap);
        Assert.False(readyWhileMissing);
        Assert.True(await ready.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.True(_bus.Admin.Exists(name));
        Assert.Equal(2, _bus.Admin.Requests.Count);
        Assert.False(returning.ClosedForFeedGap);
    }

    [Fact]
    public async Task Messages_that_waited_in_the_subscription_from_well_before_receiving_started_are_dropped()
    {
        var feed = await _bus.StartFeedAsync();
        using var subscriber = _bus.Relay.Subscribe();
        await _bus.WaitUntilAsync(() => feed.IsReceiving);
        var started = _bus.Time.GetUtcNow();

        await Deliver("01KBKZ3Q8G0000000000000010", started - ServiceBusRelayFeed.StaleMargin - TimeSpan.FromSeconds(1));
        await Deliver("01KBKZ3Q8G0000000000000011", started - ServiceBusRelayFeed.StaleMargin + TimeSpan.FromSeconds(1));
        await Deliver("01KBKZ3Q8G0000000000000012", started + TimeSpan.FromSeconds(1));

        Assert.Equal(["01KBKZ3Q8G0000000000000011", "01KBKZ3Q8G0000000000000012"], Ids(subscriber));
        Assert.Equal(1, feed.StaleDropped);
    }

    [Fact]
    public async Task After_an_idle_stop_the_backlog_from_before_the_restart_is_dropped()
    {
        var feed = await _bus.StartFeedAsync(settings => settings.IdleStopSeconds = 30);
        var leaving = _bus.Relay.Subscribe();
        await _bus.WaitUntilAsync(() => feed.IsReceiving);
        leaving.Dispose();
        await _bus.WaitUntilAsync(() => !_bus.Processor.IsProcessing, advance: TimeSpan.FromSeconds(5));
        var stoppedAt = _bus.Time.GetUtcNow();
        _bus.Time.Advance(TimeSpan.FromMinutes(3));

        using var returning = _bus.Relay.Subscribe();
        await _bus.WaitUntilAsync(() => feed.IsReceiving);
        await Deliver("01KBKZ3Q8G0000000000000020", stoppedAt + TimeSpan.FromSeconds(10));
        await _bus.PublishAsync("01KBKZ3Q8G0000000000000021");

        Assert.Equal(["01KBKZ3Q8G0000000000000021"], Ids(returning));
        Assert.Equal(2, _bus.Processor.Starts);
    }

    private Task Deliver(string id, DateTimeOffset enqueuedTime) =>
        _bus.Processor.DeliverAsync(InMemoryTopic.ToReceived(OperationMessage.Create(FeedHarness.Sample(id)), enqueuedTime));

    private static List<string> Ids(RelaySubscription subscription)
    {
        var ids = new List<string>();
        while (subscription.Reader.TryRead(out var operationEvent))
        {
            ids.Add(operationEvent.Id);
        }

        return ids;
    }

    public ValueTask DisposeAsync() => _bus.DisposeAsync();
}
