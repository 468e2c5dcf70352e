using System.Collections.Concurrent;
using Azure;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace RecruitOps.Tests.Messaging.Fakes;

/// <summary>An administration client on the SDK's mocking constructor that keeps the subscriptions it was asked for.</summary>
public sealed class FakeAdministrationClient : ServiceBusAdministrationClient
{
    private readonly ConcurrentDictionary<string, CreateSubscriptionOptions> _subscriptions = new();

    public ConcurrentQueue<CreateSubscriptionOptions> Requests { get; } = new();

    /// <summary>While set, a create request (already in <see cref="Requests"/>) waits for it, as a slow management call would.</summary>
    public Task? HoldCreates { get; set; }

    public bool Exists(string subscriptionName) => _subscriptions.ContainsKey(subscriptionName);

    /// <summary>What AutoDeleteOnIdle does to an idle subscription.</summary>
    public void DeleteIdle(string subscriptionName) => _subscriptions.TryRemove(subscriptionName, out _);

    public override async Task<Response<SubscriptionProperties>> CreateSubscriptionAsync(
        CreateSubscriptionOptions options, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(options);
        if (HoldCreates is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        if (!_subscriptions.TryAdd(options.SubscriptionName, options))
        {
            throw new ServiceBusException("The subscription already exists.", ServiceBusFailureReason.MessagingEntityAlreadyExists);
        }

        var properties = ServiceBusModelFactory.SubscriptionProperties(
            options.TopicName,
            options.SubscriptionName,
            lockDuration: TimeSpan.FromMinutes(1),
            defaultMessageTimeToLive: options.DefaultMessageTimeToLive,
            autoDeleteOnIdle: options.AutoDeleteOnIdle,
            maxDeliveryCount: 10,
            userMetadata: options.UserMetadata ?? string.Empty);
        return Response.FromValue(properties, null!);
    }
}
