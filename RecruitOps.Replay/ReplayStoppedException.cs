namespace RecruitOps.Replay;

/// <summary>Nothing more can succeed (no app at the URL, local sign-in turned off): the replay stops early.</summary>
public sealed class ReplayStoppedException(string message) : Exception(message);
