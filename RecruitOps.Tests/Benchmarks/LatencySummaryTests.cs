using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Tests.Benchmarks;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Percentiles_of_one_to_a_thousand_microseconds_are_the_nearest_ranks()
    {
        var values = Enumerable.Range(1, 1000).Select(value => (long)value).Reverse();

        var summary = LatencySummary.FromMicroseconds(values);

        Assert.Equal(1000, summary.Count);
        Assert.Equal(0.500, summary.P50Milliseconds);
        Assert.Equal(0.990, summary.P99Milliseconds);
        Assert.Equal(1.000, summary.MaxMilliseconds);
    }

    [Fact]
    public void A_slow_tail_of_one_percent_sets_the_p99_and_a_single_outlier_only_the_max()
    {
        var fast = Enumerable.Repeat(2_000L, 980);
        var slow = Enumerable.Repeat(300_000L, 19);
        var outlier = new[] { 1_500_000L };

        var summary = LatencySummary.FromMicroseconds(fast.Concat(slow).Concat(outlier));

        Assert.Equal(2.0, summary.P50Milliseconds);
        Assert.Equal(300.0, summary.P99Milliseconds, tolerance: 0.3);
        Assert.Equal(1500.0, summary.MaxMilliseconds, tolerance: 1.5);
    }

    [Fact]
    public void No_values_give_no_percentiles()
    {
        var summary = LatencySummary.FromMicroseconds([]);

        Assert.Equal(0, summary.Count);
        Assert.True(double.IsNaN(summary.P99Milliseconds));
    }
}
