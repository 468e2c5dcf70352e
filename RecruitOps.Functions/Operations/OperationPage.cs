namespace RecruitOps.Operations;

/// <summary>One page of history, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record OperationPage(IReadOnlyList<Operation> Items, string? NextCursor);
