using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace RecruitOps.Tests.Messaging.Fakes;

/// <summary>A client on the SDK's mocking constructor whose senders and processors use an <see cref="InMemoryTopic"/>.</summary>
public sealed class FakeServiceBusClient(InMemoryTopic topic) : ServiceBusClient
{
    public RecordingSender Sender { get; } = new(topic);

    public ConcurrentQueue<FakeProcessor> Processors { get; } = new();

    /// <summary>Applied to each processor as it is created.</summary>
    public int FailingStarts { get; set; }

    public override ServiceBusSender CreateSender(string queueOrTopicName) => Sender;

    public override ServiceBusProcessor CreateProcessor(string topicName, string subscriptionName, ServiceBusProcessorOptions options)
    {
        var processor = new FakeProcessor(topic, topicName, subscriptionName, options) { FailingStarts = FailingStarts };
        Processors.Enqueue(processor);
        return processor;
    }
}
