using System.Text.Json;
using Azure.Messaging.ServiceBus;
using RecruitOps.Operations;

namespace RecruitOps.Messaging;

/// <summary>How an operation travels on the topic, both ways.</summary>
public static class OperationMessage
{
    public const string JsonContentType = "application/json";

    /// <summary>
    /// The message id is the operation id: the topic's duplicate detection drops the second copy when the sweeper
    /// publishes an operation whose first publish went through but was not confirmed. The body is exactly the bytes a
    /// stream sends; the properties let a subscription filter without reading the body.
    /// </summary>
    public static ServiceBusMessage Create(Operation operation)
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

    /// <summary>The operation in a received message, or null for anything else that landed on the topic.</summary>
    public static Operation? TryRead(ServiceBusReceivedMessage message)
    {
        Operation? operation;
        try
        {
            operation = OperationJson.Deserialize(message.Body.ToMemory().Span);
        }
        catch (JsonException)
        {
            return null;
        }

        return operation is not null && operation.Id == message.MessageId && OperationId.IsValid(operation.Id) ? operation : null;
    }
}
