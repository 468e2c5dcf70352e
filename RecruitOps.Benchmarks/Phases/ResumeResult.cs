namespace RecruitOps.Benchmarks.Phases;

/// <summary>
/// Time from sending a resuming request (Last-Event-ID <see cref="Missed"/> operations back) until the last missed
/// operation arrived, for each measured resume after one warm-up; and whether each replay was exactly the missed
/// operations in order. <see cref="Resent"/>: the most operations from before the resume point a replay sent again
/// (the app's clock-skew lookback), which the time includes.
/// </summary>
internal sealed record ResumeResult(int Missed, double WarmUpMilliseconds, IReadOnlyList<double> Milliseconds, int Incorrect, int Resent)
{
    public double MedianMilliseconds => Milliseconds.Count == 0 ? double.NaN : Milliseconds.Order().ElementAt(Milliseconds.Count / 2);

    public double MaxMilliseconds => Milliseconds.Count == 0 ? double.NaN : Milliseconds.Max();
}
