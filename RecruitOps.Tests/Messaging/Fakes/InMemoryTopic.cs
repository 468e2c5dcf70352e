using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace RecruitOps.Tests.Messaging.Fakes;

/// <summary>
/// A topic in memory: every message a <see cref="RecordingSender"/> sends reaches every started
/// <see cref="FakeProcessor"/>, as the received message the SDK's model factory builds, like one subscription each.
/// </summary>
public sealed class InMemoryTopic
{
    private readonly ConcurrentDictionary<FakeProcessor, bool> _processors = new();

    public FakeServiceBusClient CreateClient() => new(this);

    internal void Attach(FakeProcessor processor) => _processors[processor] = true;

    internal void Detach(FakeProcessor processor) => _processors.TryRemove(processor, out _);

    internal async Task DeliverAsync(ServiceBusMessage message)
    {
        var received = ToReceived(message);
        foreach (var processor in _processors.Keys)
        {
            await processor.DeliverAsync(received);
        }
    }

    public static ServiceBusReceivedMessage ToReceived(ServiceBusMessage message) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: message.Body,
            messageId: message.MessageId,
            subject: message.Subject,
            contentType: message.ContentType,
            properties: new Dictionary<string, object>(message.ApplicationProperties));
}
