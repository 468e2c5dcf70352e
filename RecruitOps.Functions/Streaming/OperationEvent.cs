using RecruitOps.Operations;

namespace RecruitOps.Streaming;

/// <summary>An operation ready to stream: serialized and framed once, the same bytes shared by every subscriber.</summary>
public sealed class OperationEvent(Operation operation)
{
    private Task<ReadOnlyMemory<byte>>? _frame;

    public Operation Operation { get; } = operation;

    public string Id => Operation.Id;

    public ReadOnlyMemory<byte> Utf8Json { get; } = OperationJson.SerializeToUtf8Bytes(operation);

    /// <summary>The <c>operation</c> event as it goes on the wire, framed by the first stream that needs it.</summary>
    public Task<ReadOnlyMemory<byte>> FrameAsync() =>
        LazyInitializer.EnsureInitialized(
            ref _frame, () => EventStreamWriter.FormatAsync(EventStreamWriter.OperationEventType, Id, Utf8Json));
}
