using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace RecruitOps.Tests.Messaging.Fakes;

/// <summary>
/// A topic in memory: every message a <see cref="RecordingSender"/> sends reaches every started
/// <see cref="FakeProcessor"/>, as the received message the SDK's model factory builds, like one subscription each.
/// Messages are stamped with the given clock's time as their enqueued time.
/// </summary>
public sealed class InMemoryTopic(TimeProvider? timeProvider = null)
{
    private readonly ConcurrentDictionary<FakeProcessor, bool> _processors = new();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>While set, sent messages reach no processor, as those on a link that then fails.</summary>
    public bool LoseMessages { get; set; }

    public FakeServiceBusClient CreateClient() => new(this);

    internal void Attach(FakeProcessor processor) => _processors[processor] = true;

    internal void Detach(FakeProcessor processor) => _processors.TryRemove(processor, out _);

    internal async Task DeliverAsync(ServiceBusMessage message)
    {
        if (LoseMessages)
        {
            return;
        }

        var received = ToReceived(message, _time.GetUtcNow());
        foreach (var processor in _processors.Keys)
        {
            await processor.DeliverAsync(received);
        }
    }

    public static ServiceBusReceivedMessage ToReceived(ServiceBusMessage message, DateTimeOffset enqueuedTime) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: message.Body,
            messageId: message.MessageId,
            subject: message.Subject,
            contentType: message.ContentType,
            properties: new Dictionary<string, object>(message.ApplicationProperties),
            enqueuedTime: enqueuedTime);
}
