using System.Globalization;

namespace RecruitOps.Replay;

/// <summary>Prints the end-of-replay summary: counts, then each distinct reason with the lines it applies to.</summary>
internal static class SummaryWriter
{
    private const int MaxLinesShown = 20;

    public static void Write(TextWriter output, ReplaySummary summary)
    {
        var seconds = summary.Elapsed.TotalSeconds;
        var handled = summary.Recorded + summary.AlreadyRecorded + summary.RejectedCount + summary.FailedCount;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Replay finished in {seconds:0.0} s ({(seconds > 0 ? handled / seconds : 0):0} lines/s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  recorded          {summary.Recorded}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  already recorded  {summary.AlreadyRecorded}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rejected          {summary.RejectedCount}"));
        WriteIssues(output, summary.Rejected);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  failed            {summary.FailedCount}"));
        WriteIssues(output, summary.Failed);
        if (summary.StoppedBecause is { } reason)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stopped early, {summary.NotAttempted} lines not sent: {reason}"));
        }
    }

    private static void WriteIssues(TextWriter output, IReadOnlyList<ReplayIssue> issues)
    {
        foreach (var issue in issues)
        {
            var shown = string.Join(", ", issue.Lines.Take(MaxLinesShown));
            var more = issue.Lines.Count > MaxLinesShown
                ? string.Create(CultureInfo.InvariantCulture, $" and {issue.Lines.Count - MaxLinesShown} more")
                : "";
            output.WriteLine($"    {issue.Reason}");
            output.WriteLine($"      line{(issue.Lines.Count == 1 ? "" : "s")} {shown}{more}");
        }
    }
}
