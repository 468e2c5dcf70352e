using System.Net;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using RecruitOps.Tests.Infrastructure;
using RecruitOps.Tests.Messaging.Fakes;
using RecruitOps.Tests.Streaming;

namespace RecruitOps.Tests.Messaging;

/// <summary>
/// The stream and the Service Bus feed together, through the real standalone host and Azurite, the bus replaced by an
/// in-memory topic: an operation the feed could not relay live still reaches every client, through storage.
/// </summary>
public sealed class StreamFeedTests : IAsyncDisposable
{
    private readonly InMemoryTopic _topic = new();
    private readonly FakeServiceBusClient _bus;
    private readonly FakeAdministrationClient _admin = new();
    private TestApp? _app;

    public StreamFeedTests() => _bus = _topic.CreateClient();

    /// <summary>
    /// The window the stream used to have: it read the newest id while its instance was still creating the
    /// subscription, so an operation published then was relayed to no one, and the client's position moved past it.
    /// </summary>
    [Fact]
    public async Task A_stream_opened_while_the_subscription_is_created_reads_storage_only_once_it_exists()
    {
        var creating = new TaskCompletionSource();
        _admin.HoldCreates = creating.Task;
        var app = await StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");

        var opening = EventStreamClient.OpenAsync(reader);
        await Eventually.TrueAsync(() => !_admin.Requests.IsEmpty);
        var unrelayed = await StreamKit.RecordAsync(writer, "R30001");
        creating.SetResult();
        await using var stream = await opening;
        var ready = (await stream.NextAsync())!.Value;
        var live = await StreamKit.RecordAsync(writer, "R30002");
        var events = await StreamKit.ReadUntilAsync(stream, live);

        Assert.Contains(unrelayed, _bus.Sender.Sent.Select(message => message.MessageId));
        Assert.Equal(unrelayed, StreamKit.NewestIdOf(ready));
        Assert.Equal(unrelayed, ready.EventId);
        Assert.Equal([live], StreamKit.OperationIds(events));
    }

    [Fact]
    public async Task A_stream_is_refused_with_503_and_Retry_After_while_the_feed_cannot_start()
    {
        _bus.FailingStarts = 1_000;
        var app = await StartAsync(new Dictionary<string, string?> { ["ServiceBus:ReadyTimeoutSeconds"] = "1" });
        using var reader = app.ClientFor("kancho");

        using var response = await reader.GetAsync(StreamKit.StreamPath, TestContext.Current.CancellationToken);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Live feed not ready", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_operation_lost_on_a_failing_link_reaches_the_client_when_the_closed_stream_resumes()
    {
        var app = await StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        await using var stream = await EventStreamClient.OpenAsync(reader);
        await stream.NextAsync();
        var seen = await StreamKit.RecordAsync(writer, "R30003");
        var lastId = (await stream.NextAsync())!.Value.EventId!;

        _topic.LoseMessages = true;
        var lost = await StreamKit.RecordAsync(writer, "R30004");
        _topic.LoseMessages = false;
        await Assert.Single(_bus.Processors).FailAsync(RecordingSender.Unreachable());
        var rest = await StreamKit.ReadToEndAsync(stream, TimeSpan.FromSeconds(10));
        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: lastId);
        await resumed.NextAsync();
        var sentinel = await StreamKit.RecordAsync(writer, "R30005");
        var replayed = await StreamKit.ReadUntilAsync(resumed, sentinel);

        Assert.Equal(seen, lastId);
        Assert.Empty(StreamKit.OperationIds(rest));
        Assert.Equal([lost, sentinel], StreamKit.OperationIds(replayed));
    }

    private async Task<TestApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["ServiceBus"] = ServiceBusConfigurationTests.LoopbackConnection };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        _app = await TestApp.StartAsync(values, builder =>
        {
            builder.Services.AddSingleton<IAzureClientFactory<ServiceBusClient>>(new FixedClientFactory<ServiceBusClient>(_bus));
            builder.Services.AddSingleton<IAzureClientFactory<ServiceBusAdministrationClient>>(
                new FixedClientFactory<ServiceBusAdministrationClient>(_admin));
        });
        return _app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
