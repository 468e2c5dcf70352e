namespace RecruitOps.Operations;

/// <summary>Who recorded an operation. Always taken from the caller's token, never from the request body.</summary>
public sealed record Actor(string Sub, string Name, string Role);
