using RecruitOps.Operations;

namespace RecruitOps.Streaming;

/// <summary>An operation ready to stream: serialized once, shared by every subscriber.</summary>
public sealed class OperationEvent(Operation operation)
{
    public Operation Operation { get; } = operation;

    public string Id => Operation.Id;

    public ReadOnlyMemory<byte> Utf8Json { get; } = OperationJson.SerializeToUtf8Bytes(operation);
}
