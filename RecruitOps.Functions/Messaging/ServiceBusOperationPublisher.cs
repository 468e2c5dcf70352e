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
}
