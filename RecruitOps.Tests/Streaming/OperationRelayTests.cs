using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecruitOps.Operations;
using RecruitOps.Streaming;

namespace RecruitOps.Tests.Streaming;

public sealed class OperationRelayTests
{
    [Fact]
    public void Subscriber_that_stops_reading_is_closed_once_at_the_cap_while_the_others_get_every_operation()
    {
        var relay = new OperationRelay(Options.Create(new StreamOptions { BacklogCapacity = 16 }), NullLogger<OperationRelay>.Instance);
        using var stuck = relay.Subscribe();
        using var reading = relay.Subscribe();
        var received = new List<string>();

        for (var i = 0; i < 40; i++)
        {
            relay.Deliver(Operation(i));
            while (reading.Reader.TryRead(out var operationEvent))
            {
                received.Add(operationEvent.Id);
            }
        }

        Assert.True(stuck.Overflowed);
        Assert.True(stuck.Closed.IsCancellationRequested);
        Assert.False(reading.Overflowed);
        Assert.Equal(1, relay.ClosedForBacklog);
        Assert.Equal(1, relay.SubscriberCount);
        Assert.Equal(Enumerable.Range(0, 40).Select(Id), received);
    }

    [Fact]
    public void Disposed_subscription_leaves_the_relay_and_is_not_counted_as_closed_for_backlog()
    {
        var relay = new OperationRelay(Options.Create(new StreamOptions { BacklogCapacity = 16 }), NullLogger<OperationRelay>.Instance);
        var subscription = relay.Subscribe();

        subscription.Dispose();
        relay.Deliver(Operation(1));

        Assert.Equal(0, relay.SubscriberCount);
        Assert.Equal(0, relay.ClosedForBacklog);
        Assert.False(subscription.Overflowed);
    }

    [Fact]
    public void Closing_for_a_feed_gap_ends_every_open_subscription_once_and_counts_it()
    {
        var relay = new OperationRelay(Options.Create(new StreamOptions { BacklogCapacity = 16 }), NullLogger<OperationRelay>.Instance);
        using var first = relay.Subscribe();
        using var second = relay.Subscribe();
        relay.Deliver(Operation(1));

        var closed = relay.CloseAllForFeedGap();
        var closedAgain = relay.CloseAllForFeedGap();
        using var later = relay.Subscribe();
        relay.Deliver(Operation(2));

        Assert.Equal(2, closed);
        Assert.Equal(0, closedAgain);
        Assert.True(first.ClosedForFeedGap);
        Assert.False(first.Overflowed);
        Assert.True(second.Closed.IsCancellationRequested);
        Assert.Equal(2, relay.ClosedForFeedGap);
        Assert.Equal(0, relay.ClosedForBacklog);
        Assert.Equal(1, relay.SubscriberCount);
        Assert.False(later.ClosedForFeedGap);
        Assert.True(later.Reader.TryRead(out var live));
        Assert.Equal(Id(2), live.Id);
    }

    private static string Id(int i) => OperationId.Format(1_700_000_000_000 + i, 1);

    private static Operation Operation(int i) =>
        new(Id(i), "R1", null, "created", null, null, null, new Actor("u-1", "One", "recruiter"), DateTimeOffset.UnixEpoch);
}
