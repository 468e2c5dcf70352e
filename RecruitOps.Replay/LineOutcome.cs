namespace RecruitOps.Replay;

/// <summary>What became of one line; <paramref name="Reason"/> is set for rejected and failed lines.</summary>
public sealed record LineOutcome(int Line, LineResult Result, string? Reason = null);
