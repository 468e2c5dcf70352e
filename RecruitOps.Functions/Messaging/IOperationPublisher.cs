using RecruitOps.Operations;

namespace RecruitOps.Messaging;

/// <summary>
/// Sends a recorded operation to every instance's live streams: through the Service Bus topic in Azure, or straight
/// to this instance's relay when no Service Bus is configured (the embedded default).
/// </summary>
public interface IOperationPublisher
{
    Task PublishAsync(Operation operation, CancellationToken cancellationToken);
}
