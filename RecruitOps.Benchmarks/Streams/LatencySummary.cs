using HdrHistogram;

namespace RecruitOps.Benchmarks.Streams;

/// <summary>
/// Percentiles by nearest rank, from an HdrHistogram of microseconds with three significant digits (exact below
/// 2,048 µs, within 0.1% above).
/// </summary>
internal sealed record LatencySummary(long Count, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds)
{
    /// <summary>An hour: anything slower is a failure, not a latency.</summary>
    public const long MaxMicroseconds = 3_600_000_000;

    public static LatencySummary Empty { get; } = new(0, double.NaN, double.NaN, double.NaN);

    public static LongHistogram NewHistogram() => new(MaxMicroseconds, 3);

    public static LatencySummary From(HistogramBase microseconds)
    {
        if (microseconds.TotalCount == 0)
        {
            return Empty;
        }

        return new LatencySummary(
            microseconds.TotalCount,
            microseconds.GetValueAtPercentile(50) / 1000.0,
            microseconds.GetValueAtPercentile(99) / 1000.0,
            microseconds.GetMaxValue() / 1000.0);
    }

    public static LatencySummary FromMicroseconds(IEnumerable<long> values)
    {
        var histogram = NewHistogram();
        foreach (var value in values)
        {
            histogram.RecordValue(Math.Clamp(value, 0, MaxMicroseconds));
        }

        return From(histogram);
    }
}
