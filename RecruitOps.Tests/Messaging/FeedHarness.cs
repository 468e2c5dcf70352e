using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RecruitOps.Messaging;
using RecruitOps.Operations;
using RecruitOps.Streaming;
using RecruitOps.Tests.Infrastructure;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

/// <summary>
/// A <see cref="ServiceBusRelayFeed"/> on the SDK's mockable types, with a fake clock: an in-memory topic stands in
/// for the namespace and a fake administration client for its management API.
/// </summary>
internal sealed class FeedHarness : IAsyncDisposable
{
    public const string LocalConnection = "Endpoint=sb://localhost/;SharedAccessKeyName=test;SharedAccessKey=dGVzdA==";

    private ServiceBusRelayFeed? _feed;

    public FeedHarness()
    {
        Topic = new InMemoryTopic(Time);
        Client = Topic.CreateClient();
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public InMemoryTopic Topic { get; }

    public FakeServiceBusClient Client { get; }

    public FakeAdministrationClient Admin { get; } = new();

    public OperationRelay Relay { get; } = new(Options.Create(new StreamOptions()), NullLogger<OperationRelay>.Instance);

    public FakeProcessor Processor => Assert.Single(Client.Processors);

    public async Task<ServiceBusRelayFeed> StartFeedAsync(Action<ServiceBusOptions>? configure = null)
    {
        var settings = new ServiceBusOptions { ConnectionString = LocalConnection };
        configure?.Invoke(settings);
        _feed = new ServiceBusRelayFeed(
            Relay,
            new FixedClientFactory<ServiceBusClient>(Client),
            SubscriptionProvisionerTests.Provisioner(Admin, settings),
            Options.Create(settings),
            Time,
            NullLogger<ServiceBusRelayFeed>.Instance);
        await _feed.StartAsync(TestContext.Current.CancellationToken);
        return _feed;
    }

    public Task PublishAsync(string id) =>
        new ServiceBusOperationPublisher(Client.Sender).PublishAsync(Sample(id), TestContext.Current.CancellationToken);

    /// <summary>Waits (boundedly) for the feed's background loop, advancing the fake clock for its timers if asked.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan? advance = null) =>
        Eventually.TrueAsync(condition, "The feed did not reach the expected state.",
            advance is { } step ? () => Time.Advance(step) : null);

    public static Operation Sample(string id) =>
        new(id, "R10001", null, "created", null, null, null, new Actor("u-1", "Test", "recruiter"), DateTimeOffset.UnixEpoch);

    public async ValueTask DisposeAsync()
    {
        if (_feed is not null)
        {
            await _feed.StopAsync(CancellationToken.None);
            _feed.Dispose();
        }
    }
}
