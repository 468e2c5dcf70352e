namespace RecruitOps.Benchmarks.Phases;

/// <summary>
/// Time from sending a resuming request (Last-Event-ID <see cref="Missed"/> operations back) until the last missed
/// operation arrived, for each measured resume after one warm-up; and whether each replay was exactly the missed
/// operations in order.
/// </summary>
internal sealed record ResumeResult(int Missed, double WarmUpMilliseconds, IReadOnlyList<double> Milliseconds, int Incorrect)
{
    public double MedianMilliseconds => Milliseconds.Count == 0 ? double.NaN : Milliseconds.Order().ElementAt(Milliseconds.Count / 2);

    public double MaxMilliseconds => Milliseconds.Count == 0 ? double.NaN : Milliseconds.Max();
}
