using RecruitOps.Benchmarks;
using RecruitOps.Benchmarks.Reporting;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Benchmarks;

/// <summary>The whole benchmark at a tiny size, so the program cannot rot. Sizes, not speeds, are asserted.</summary>
[Trait("Category", "Benchmark")]
public sealed class ShortRunTests
{
    [Fact]
    public async Task A_short_run_against_a_started_app_delivers_every_operation_exactly_once_and_reports_every_measure()
    {
        var settings = new BenchmarkSettings
        {
            StorageConnectionString = TestApp.StorageConnectionString,
            Subscribers = 20,
            Rate = 10,
            DurationSeconds = 1,
            Writers = 2,
            ThroughputSeconds = 1,
            ReplayCount = 50,
            ReplayRepeats = 2,
            ConnectConcurrency = 8,
            SourceAddresses = 2,
            SettleSeconds = 0.2,
        };
        var log = new StringWriter();

        var report = await BenchmarkRunner.RunAsync(settings, log, TestContext.Current.CancellationToken);
        var table = new StringWriter();
        ReportPrinter.Print(report, table);

        Assert.Equal(20, report.Held.Held);
        Assert.Equal(0, report.Held.Failed);
        Assert.NotNull(report.Held.AppRssFull);
        Assert.NotNull(report.Held.AppBytesPerSubscriber);
        Assert.Equal(10, report.FanOut.Recorded);
        Assert.Equal(20, report.FanOut.Deliveries.Subscribers);
        Assert.Equal(0, report.FanOut.Deliveries.Missing);
        Assert.Equal(0, report.FanOut.Deliveries.Duplicates);
        Assert.Equal(0, report.FanOut.Deliveries.Unexpected);
        Assert.Equal(200, report.FanOut.Deliveries.Latency.Count);
        Assert.True(report.FanOut.Deliveries.Latency.MaxMilliseconds >= report.FanOut.Deliveries.Latency.P50Milliseconds);
        Assert.True(report.Throughput.ApiOperations > 0, log.ToString());
        Assert.True(report.Throughput.RawInserts > 0, log.ToString());
        Assert.True(report.Throughput.SameStoragePerSecond > 0, log.ToString());
        Assert.Equal(2, report.Resume.Milliseconds.Count);
        Assert.Equal(0, report.Resume.Incorrect);
        Assert.True(report.DeliveredExactlyOnce);
        Assert.Contains("| subscribers held | 50,000 | 20 of 20 (0 failed) |", table.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_subscribers_for_the_open_file_limit_are_refused_before_anything_starts()
    {
        var settings = new BenchmarkSettings { Subscribers = 100_000_000 };

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => BenchmarkRunner.RunAsync(settings, TextWriter.Null, TestContext.Current.CancellationToken));

        Assert.Contains("ulimit -n", error.Message, StringComparison.Ordinal);
    }
}
