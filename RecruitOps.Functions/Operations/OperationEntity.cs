using Azure.Data.Tables;

namespace RecruitOps.Operations;

/// <summary>Maps operations to table entities and back. The timeline and per-recruit rows carry the same properties.</summary>
internal static class OperationEntity
{
    public static TableEntity Create(string rowKey, Operation operation, string? clientKey)
    {
        var entity = new TableEntity(OperationRowKeys.Partition, rowKey)
        {
            ["Id"] = operation.Id,
            ["RecruitId"] = operation.RecruitId,
            ["RecruitName"] = operation.RecruitName,
            ["Action"] = operation.Action,
            ["Decision"] = operation.Decision,
            ["Changes"] = operation.Changes is null ? null : OperationJson.SerializeChanges(operation.Changes),
            ["Note"] = operation.Note,
            ["ActorSub"] = operation.Actor.Sub,
            ["ActorName"] = operation.Actor.Name,
            ["ActorRole"] = operation.Actor.Role,
            ["RecordedAt"] = operation.RecordedAt,
            ["OperationId"] = clientKey,
        };
        return entity;
    }

    public static Operation ToOperation(TableEntity entity)
    {
        var changes = entity.GetString("Changes");
        return new Operation(
            entity.GetString("Id"),
            entity.GetString("RecruitId"),
            entity.GetString("RecruitName"),
            entity.GetString("Action"),
            entity.GetString("Decision"),
            changes is null ? null : OperationJson.DeserializeChanges(changes),
            entity.GetString("Note"),
            new Actor(entity.GetString("ActorSub"), entity.GetString("ActorName"), entity.GetString("ActorRole")),
            entity.GetDateTimeOffset("RecordedAt")!.Value.ToUniversalTime());
    }
}
