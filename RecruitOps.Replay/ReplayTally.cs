namespace RecruitOps.Replay;

/// <summary>Counts outcomes as lanes finish lines, from several threads at once.</summary>
internal sealed class ReplayTally(int total)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<int>> _rejected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _failed = new(StringComparer.Ordinal);
    private int _recorded;
    private int _alreadyRecorded;
    private int _rejectedCount;
    private int _failedCount;

    public ReplayProgress Add(LineOutcome outcome)
    {
        lock (_gate)
        {
            switch (outcome.Result)
            {
                case LineResult.Recorded:
                    _recorded++;
                    break;
                case LineResult.AlreadyRecorded:
                    _alreadyRecorded++;
                    break;
                case LineResult.Rejected:
                    _rejectedCount++;
                    Group(_rejected, outcome);
                    break;
                default:
                    _failedCount++;
                    Group(_failed, outcome);
                    break;
            }

            var done = _recorded + _alreadyRecorded + _rejectedCount + _failedCount;
            return new ReplayProgress(done, total, _recorded, _alreadyRecorded, _rejectedCount, _failedCount);
        }
    }

    public ReplaySummary ToSummary(string? stoppedBecause, TimeSpan elapsed)
    {
        lock (_gate)
        {
            var done = _recorded + _alreadyRecorded + _rejectedCount + _failedCount;
            return new ReplaySummary(
                _recorded, _alreadyRecorded, Issues(_rejected), Issues(_failed), total - done, stoppedBecause, elapsed);
        }
    }

    private static void Group(Dictionary<string, List<int>> groups, LineOutcome outcome)
    {
        var reason = outcome.Reason ?? "no reason given";
        if (!groups.TryGetValue(reason, out var lines))
        {
            groups[reason] = lines = [];
        }

        lines.Add(outcome.Line);
    }

    // Lanes finish out of file order when concurrent; the summary lists reasons and lines in file order.
    private static List<ReplayIssue> Issues(Dictionary<string, List<int>> groups) =>
        [.. groups.Select(group => new ReplayIssue(group.Key, [.. group.Value.Order()])).OrderBy(issue => issue.Lines[0])];
}
