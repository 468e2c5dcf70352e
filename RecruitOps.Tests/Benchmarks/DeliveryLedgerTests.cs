using System.Diagnostics;
using System.Text;
using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Tests.Benchmarks;

public sealed class DeliveryLedgerTests
{
    private const string First = "01KBN00000000000000000000A";
    private const string Second = "01KBN00000000000000000000B";
    private const string Third = "01KBN00000000000000000000C";
    private long _start;

    [Fact]
    public void Counts_missing_and_duplicate_deliveries_per_subscriber_and_operation()
    {
        var ledger = NewLedger(3, 8);
        ledger.Confirm(First, At(0));
        ledger.Confirm(Second, At(0));
        ledger.Confirm(Third, At(0));

        foreach (var id in new[] { First, Second, Third })
        {
            Deliver(ledger, 0, id, 10);
        }

        Deliver(ledger, 1, First, 10);
        Deliver(ledger, 1, Third, 10);
        Deliver(ledger, 2, First, 10);
        Deliver(ledger, 2, First, 10);
        Deliver(ledger, 2, Second, 10);
        Deliver(ledger, 2, Third, 10);
        Deliver(ledger, 2, Third, 10);
        var report = ledger.Summarize([0, 1, 2]);

        Assert.Equal(3, report.Operations);
        Assert.Equal(9, report.Expected);
        Assert.Equal(1, report.Missing);
        Assert.Equal(2, report.Duplicates);
        Assert.Equal(0, report.Unexpected);
        Assert.Equal(8, report.Latency.Count);
        Assert.Equal(10, ledger.Deliveries);
    }

    [Fact]
    public void A_frame_that_arrives_before_its_post_answers_is_timed_from_when_the_post_was_sent()
    {
        var ledger = NewLedger(2, 4);

        Deliver(ledger, 0, First, 40);
        Deliver(ledger, 1, First, 60);
        ledger.Confirm(First, At(0));
        ledger.Confirm(Second, At(100));
        Deliver(ledger, 0, Second, 120);
        Deliver(ledger, 1, Second, 300);
        var report = ledger.Summarize([0, 1]);

        Assert.Equal(0, report.Missing);
        Assert.Equal(4, report.Latency.Count);
        Assert.Equal(40, report.Latency.P50Milliseconds, tolerance: 0.1);
        Assert.Equal(200, report.Latency.MaxMilliseconds, tolerance: 0.2);
        Assert.Equal(2, report.FirstDelivery.Count);
        Assert.Equal(40, report.FirstDelivery.MaxMilliseconds, tolerance: 0.1);
        Assert.Equal(20, report.Spread.P50Milliseconds, tolerance: 0.1);
        Assert.Equal(180, report.Spread.MaxMilliseconds, tolerance: 0.2);
    }

    [Fact]
    public void Operations_nobody_confirmed_and_unknown_subscribers_are_unexpected_not_missing()
    {
        var ledger = NewLedger(2, 4);
        ledger.Confirm(First, At(0));

        Deliver(ledger, 0, First, 5);
        Deliver(ledger, 1, First, 5);
        Deliver(ledger, 0, Second, 5);
        Deliver(ledger, 7, First, 5);
        var report = ledger.Summarize([0, 1]);

        Assert.Equal(0, report.Missing);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(1, report.Unexpected);
        Assert.Equal(1, report.Unconfirmed);
    }

    [Fact]
    public void Warm_up_operations_are_checked_for_delivery_but_not_timed()
    {
        var ledger = NewLedger(1, 4);
        ledger.Confirm(First, At(0), measured: false);
        ledger.Confirm(Second, At(0));

        Deliver(ledger, 0, First, 900);
        var report = ledger.Summarize([0]);

        Assert.Equal(1, report.Missing);
        Assert.Equal(0, report.Latency.Count);
    }

    [Fact]
    public void Only_the_subscribers_asked_about_are_counted()
    {
        var ledger = NewLedger(3, 2);
        ledger.Confirm(First, At(0));

        Deliver(ledger, 0, First, 1);
        var report = ledger.Summarize([0]);

        Assert.Equal(1, report.Subscribers);
        Assert.Equal(0, report.Missing);
    }

    /// <summary>Times in these tests count from just after the ledger was made, as a run's do.</summary>
    private DeliveryLedger NewLedger(int subscribers, int operationCapacity)
    {
        var ledger = new DeliveryLedger(subscribers, operationCapacity);
        _start = DeliveryLedger.Now();
        return ledger;
    }

    private long At(double milliseconds) => _start + (long)(milliseconds * Stopwatch.Frequency / 1000);

    private void Deliver(DeliveryLedger ledger, int subscriber, string id, double atMilliseconds) =>
        ledger.Record(subscriber, Encoding.ASCII.GetBytes(id), At(atMilliseconds));
}
