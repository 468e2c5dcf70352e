using Azure.Messaging.ServiceBus;
using RecruitOps.Operations;

namespace RecruitOps.Messaging;

/// <summary>
/// Publishes each recorded operation to the topic, from where every instance relays it to its own streams
/// (<see cref="OperationMessage"/> says how). Size is no concern here: validation keeps every operation far below the
/// Standard tier's 256 KB (<see cref="OperationLimits"/>).
/// </summary>
public sealed class ServiceBusOperationPublisher(ServiceBusSender sender) : IOperationPublisher
{
    public Task PublishAsync(Operation operation, CancellationToken cancellationToken) =>
        sender.SendMessageAsync(OperationMessage.Create(operation), cancellationToken);

    /// <summary>
    /// Opens the sender's link before the first publish needs it. The SDK connects lazily, and connecting and signing
    /// in after a cold start can take longer than a publish may (<see cref="LatePublishing.PublishTimeout"/>). A batch
    /// asks the open link for its size limit, so creating one connects without sending anything.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
    }
}
