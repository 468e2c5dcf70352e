using Azure.Messaging.ServiceBus;
using RecruitOps.Operations;

namespace RecruitOps.Messaging;

/// <summary>
/// Publishes each recorded operation to the topic, from where every instance relays it to its own streams.
/// Size is no concern here: validation keeps every operation far below the Standard tier's 256 KB
/// (<see cref="OperationLimits"/>).
/// </summary>
public sealed class ServiceBusOperationPublisher(ServiceBusSender sender) : IOperationPublisher
{
    public const string JsonContentType = "application/json";

    public Task PublishAsync(Operation operation, CancellationToken cancellationToken) =>
        sender.SendMessageAsync(CreateMessage(operation), cancellationToken);

    /// <summary>
    /// The message id is the operation id: the topic's duplicate detection drops the second copy when the sweeper
    /// publishes an operation whose first publish went through but was not confirmed. The body is exactly the bytes a
    /// stream sends; the properties let a subscription filter without reading the body.
    /// </summary>
    public static ServiceBusMessage CreateMessage(Operation operation)
    {
        var message = new ServiceBusMessage(OperationJson.SerializeToUtf8Bytes(operation))
        {
            MessageId = operation.Id,
            Subject = operation.Action,
            ContentType = JsonContentType,
        };
        message.ApplicationProperties["recruitId"] = operation.RecruitId;
        message.ApplicationProperties["action"] = operation.Action;
        if (operation.Decision is { } decision)
        {
            message.ApplicationProperties["decision"] = decision;
        }

        return message;
    }
}
