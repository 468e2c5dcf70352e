namespace RecruitOps.Replay;

/// <summary>The acting user of a line (its <c>as</c> object); one token is signed in and cached per user.</summary>
public sealed record ReplayUser(string Sub, string Name, string Role);
