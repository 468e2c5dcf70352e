namespace RecruitOps.Benchmarks.Phases;

/// <summary>
/// Streams held and what they cost. Memory is read after a forced full collection at no subscribers, at half and at
/// all of them; the cost of one idle subscriber is the slope between half and all, so start-up, JIT and pools that
/// the first streams warm up do not count.
/// </summary>
internal sealed record HeldSubscribersResult(
    int Requested,
    int Held,
    int Failed,
    double ConnectSeconds,
    long? AppRssEmpty,
    long? AppRssHalf,
    long? AppRssFull,
    int HalfCount,
    long? ClientRssHalf,
    long? ClientRssFull)
{
    public double ConnectsPerSecond => ConnectSeconds > 0 ? (Held) / ConnectSeconds : double.NaN;

    public double? AppBytesPerSubscriber => Slope(AppRssHalf, AppRssFull);

    public double? ClientBytesPerSubscriber => Slope(ClientRssHalf, ClientRssFull);

    private double? Slope(long? half, long? full) =>
        half is { } low && full is { } high && Held > HalfCount ? (double)(high - low) / (Held - HalfCount) : null;
}
