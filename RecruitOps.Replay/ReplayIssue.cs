namespace RecruitOps.Replay;

/// <summary>One distinct reason a line was rejected or failed, with every line (1-based) it applies to.</summary>
public sealed record ReplayIssue(string Reason, IReadOnlyList<int> Lines);
