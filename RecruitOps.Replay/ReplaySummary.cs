namespace RecruitOps.Replay;

/// <summary>The end of a replay: counts, each distinct reason with its lines, and why it stopped early if it did.</summary>
public sealed record ReplaySummary(
    int Recorded,
    int AlreadyRecorded,
    IReadOnlyList<ReplayIssue> Rejected,
    IReadOnlyList<ReplayIssue> Failed,
    int NotAttempted,
    string? StoppedBecause,
    TimeSpan Elapsed)
{
    public int RejectedCount => Rejected.Sum(issue => issue.Lines.Count);

    public int FailedCount => Failed.Sum(issue => issue.Lines.Count);

    /// <summary>True when every line is now recorded, whether by this run or an earlier one.</summary>
    public bool Succeeded => RejectedCount == 0 && FailedCount == 0 && StoppedBecause is null;
}
