namespace RecruitOps.Operations;

/// <summary>
/// How far a replay reaches. Ids come from each instance's clock, so an operation recorded on a lagging instance, or
/// whose write was slow, can sort before the resume point yet commit after it. The replay therefore also looks back
/// <see cref="Lookback"/> before the resume point for rows that Table Storage committed (its <c>Timestamp</c>, one
/// clock) no earlier than <see cref="CommitLag"/> before the resume point's own row.
/// </summary>
/// <param name="MaxCount">More operations than this to send means a resync instead.</param>
/// <param name="Lookback">How far before the resume point's id time late commits are looked for.</param>
/// <param name="CommitLag">How long before the resume point's commit a row may have committed yet not have been published.</param>
public sealed record ReplayWindow(int MaxCount, TimeSpan Lookback, TimeSpan CommitLag);
