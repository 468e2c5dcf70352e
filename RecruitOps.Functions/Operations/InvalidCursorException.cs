namespace RecruitOps.Operations;

/// <summary>The cursor is malformed or was issued for a different query.</summary>
public sealed class InvalidCursorException(string message) : Exception(message);
