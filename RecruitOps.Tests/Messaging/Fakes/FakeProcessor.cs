using Azure.Messaging.ServiceBus;

namespace RecruitOps.Tests.Messaging.Fakes;

/// <summary>
/// A processor on the SDK's mocking constructor. Messages and faults go through the SDK's own
/// <c>OnProcessMessageAsync</c>/<c>OnProcessErrorAsync</c>, so the handlers the app attached are what runs.
/// </summary>
public sealed class FakeProcessor(InMemoryTopic topic, string topicName, string subscriptionName, ServiceBusProcessorOptions options)
    : ServiceBusProcessor
{
    private volatile bool _processing;

    public string TopicName { get; } = topicName;

    public string SubscriptionName { get; } = subscriptionName;

    public ServiceBusProcessorOptions Options { get; } = options;

    /// <summary>How many upcoming starts fail, as they do while the namespace is unreachable.</summary>
    public int FailingStarts { get; set; }

    public int Starts { get; private set; }

    public override bool IsProcessing => _processing;

    public override Task StartProcessingAsync(CancellationToken cancellationToken = default)
    {
        if (FailingStarts > 0)
        {
            FailingStarts--;
            throw RecordingSender.Unreachable();
        }

        Starts++;
        _processing = true;
        topic.Attach(this);
        return Task.CompletedTask;
    }

    public override Task StopProcessingAsync(CancellationToken cancellationToken = default)
    {
        _processing = false;
        topic.Detach(this);
        return Task.CompletedTask;
    }

    public override Task CloseAsync(CancellationToken cancellationToken = default) => StopProcessingAsync(cancellationToken);

    public Task DeliverAsync(ServiceBusReceivedMessage message) =>
        OnProcessMessageAsync(new ProcessMessageEventArgs(message, receiver: null!, CancellationToken.None));

    public Task FailAsync(Exception exception) =>
        OnProcessErrorAsync(new ProcessErrorEventArgs(
            exception, ServiceBusErrorSource.Receive, "test.servicebus.windows.net", $"{TopicName}/Subscriptions/{SubscriptionName}", CancellationToken.None));
}
