using RecruitOps.Operations;
using RecruitOps.Streaming;

namespace RecruitOps.Messaging;

/// <summary>The embedded default: one instance, so publishing is handing the operation to the local relay.</summary>
public sealed class InProcessPublisher(OperationRelay relay) : IOperationPublisher
{
    public Task PublishAsync(Operation operation, CancellationToken cancellationToken)
    {
        relay.Deliver(operation);
        return Task.CompletedTask;
    }
}
