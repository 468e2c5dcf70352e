namespace RecruitOps.Operations;

/// <summary>A recorded operation on a recruit, exactly as every read and every stream event returns it.</summary>
public sealed record Operation(
    string Id,
    string RecruitId,
    string? RecruitName,
    string Action,
    string? Decision,
    IReadOnlyList<OperationChange>? Changes,
    string? Note,
    Actor Actor,
    DateTimeOffset RecordedAt);
