namespace RecruitOps.Replay;

/// <summary>A snapshot of the counts so far; <see cref="Total"/> is the number of non-blank lines in the file.</summary>
public sealed record ReplayProgress(int Done, int Total, int Recorded, int AlreadyRecorded, int Rejected, int Failed);
