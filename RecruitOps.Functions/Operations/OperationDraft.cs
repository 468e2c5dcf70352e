namespace RecruitOps.Operations;

/// <summary>A validated request to record an operation; the actor, id and time are added when it is stored.</summary>
public sealed record OperationDraft(
    string RecruitId,
    string? RecruitName,
    string Action,
    string? Decision,
    IReadOnlyList<OperationChange>? Changes,
    string? Note,
    string? OperationId)
{
    public Operation ToOperation(string id, DateTimeOffset recordedAt, Actor actor) =>
        new(id, RecruitId, RecruitName, Action, Decision, Changes, Note, actor, recordedAt);
}
