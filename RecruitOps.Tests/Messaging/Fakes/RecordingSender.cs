using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace RecruitOps.Tests.Messaging.Fakes;

/// <summary>
/// A sender that keeps what it sent, fails while told to, and hands messages to its in-memory topic, or to a real
/// sender for the live tests.
/// </summary>
public sealed class RecordingSender(InMemoryTopic? topic = null, ServiceBusSender? inner = null) : ServiceBusSender
{
    private int _attempts;
    private int _batches;

    public ConcurrentQueue<ServiceBusMessage> Sent { get; } = new();

    /// <summary>Sends started, failed ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Thrown by every send while set, as a namespace that cannot be reached would.</summary>
    public Exception? Failure { get; set; }

    /// <summary>While set, sends never finish until cancelled, as against a namespace that stopped answering.</summary>
    public bool Hang { get; set; }

    /// <summary>Runs as each send starts, before the message goes anywhere.</summary>
    public Func<ServiceBusMessage, Task>? OnSend { get; set; }

    public override async Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _attempts);
        cancellationToken.ThrowIfCancellationRequested();
        if (Failure is { } failure)
        {
            throw failure;
        }

        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (OnSend is { } onSend)
        {
            await onSend(message);
        }

        Sent.Enqueue(message);
        if (topic is not null)
        {
            await topic.DeliverAsync(message);
        }

        if (inner is not null)
        {
            await inner.SendMessageAsync(message, cancellationToken);
        }
    }

    /// <summary>Batches created: what opening the link ahead of the first send does.</summary>
    public int BatchesCreated => Volatile.Read(ref _batches);

    public override async ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _batches);
        if (inner is not null)
        {
            return await inner.CreateMessageBatchAsync(cancellationToken);
        }

        return ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, new List<ServiceBusMessage>());
    }

    public override Task CloseAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public static ServiceBusException Unreachable() =>
        new("The namespace could not be reached.", ServiceBusFailureReason.ServiceCommunicationProblem);
}
