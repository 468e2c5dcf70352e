using System.Net.Http.Json;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecruitOps.Messaging;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

/// <summary>
/// The same scenarios against a real namespace: set <c>RECRUITOPS_LIVE_SERVICEBUS</c> to a connection string with
/// Manage rights (and optionally <c>RECRUITOPS_LIVE_SERVICEBUS_TOPIC</c>, default <c>operations</c>; created with
/// duplicate detection when missing). Skipped otherwise.
/// </summary>
[Trait("Category", "Live")]
public sealed class LiveServiceBusTests
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Live_a_published_operation_arrives_with_its_id_subject_json_body_and_properties()
    {
        var (connection, topic) = await LiveTopicAsync();
        var subscription = await CreateSubscriptionAsync(connection, topic);
        await using var client = new ServiceBusClient(connection);
        await using var receiver = client.CreateReceiver(topic, subscription, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        var operation = new Operation(OperationId.AtTime(DateTimeOffset.UtcNow)[..^1] + "7", "R90001", "黄浩然", "interview_decision", "pass",
            null, "声音条件好", new Actor("u-1", "李 明", "recruiter"), DateTimeOffset.UtcNow);

        await new ServiceBusOperationPublisher(client.CreateSender(topic)).PublishAsync(operation, TestContext.Current.CancellationToken);
        var message = await receiver.ReceiveMessageAsync(Arrival, TestContext.Current.CancellationToken);

        Assert.NotNull(message);
        Assert.Equal(operation.Id, message.MessageId);
        Assert.Equal("interview_decision", message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(OperationJson.SerializeToUtf8Bytes(operation), message.Body.ToArray());
        Assert.Equal("R90001", message.ApplicationProperties["recruitId"]);
        Assert.Equal("pass", message.ApplicationProperties["decision"]);
        await DeleteSubscriptionAsync(connection, topic, subscription);
    }

    [Fact]
    public async Task Live_an_operation_recorded_on_one_instance_reaches_streams_on_both()
    {
        var (connection, topic) = await LiveTopicAsync();
        var fixedSubscription = await CreateSubscriptionAsync(connection, topic);
        // One instance creates its own subscription on demand; the other uses a pre-provisioned one.
        await using var first = await TestApp.StartAsync(Settings(connection, topic, null));
        await using var second = await TestApp.StartAsync(Settings(connection, topic, fixedSubscription));
        using var writer = first.ClientFor("recruiter");
        await using var onFirst = await OpenReceivingStreamAsync(first);
        await using var onSecond = await OpenReceivingStreamAsync(second);

        using var response = await writer.PostAsJsonAsync("/api/recruits/operations", new { recruitId = "R90002", action = "created" }, TestContext.Current.CancellationToken);
        var id = await IdOfAsync(response);
        var atFirst = await onFirst.NextAsync(Arrival);
        var atSecond = await onSecond.NextAsync(Arrival);

        Assert.Equal(id, atFirst!.Value.EventId);
        Assert.Equal(id, atSecond!.Value.EventId);
        await DeleteSubscriptionAsync(connection, topic, fixedSubscription);
    }

    [Fact]
    public async Task Live_an_operation_published_late_reaches_a_client_resuming_from_a_newer_id()
    {
        var (connection, topic) = await LiveTopicAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var senderClient = new ServiceBusClient(connection);
        var gate = new RecordingSender(inner: senderClient.CreateSender(topic));
        await using var app = await TestApp.StartAsync(Settings(connection, topic, null), builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddSingleton<ServiceBusSender>(gate);
            builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(OutboxSweepService)));
        });
        using var writer = app.ClientFor("recruiter");
        using var reader = app.ClientFor("kancho");
        string lateId, resumeId;
        await using (var live = await OpenReceivingStreamAsync(app))
        {
            gate.Failure = RecordingSender.Unreachable();
            using var lost = await writer.PostAsJsonAsync("/api/recruits/operations", new { recruitId = "R90003", action = "created" }, TestContext.Current.CancellationToken);
            gate.Failure = null;
            time.Advance(TimeSpan.FromSeconds(1));
            using var seen = await writer.PostAsJsonAsync("/api/recruits/operations", new { recruitId = "R90004", action = "created" }, TestContext.Current.CancellationToken);
            lateId = await IdOfAsync(lost);
            resumeId = (await live.NextAsync(Arrival))!.Value.EventId!;
        }

        time.Advance(TimeSpan.FromSeconds(15));
        var swept = await app.Services.GetRequiredService<OutboxSweeper>().SweepAsync(TestContext.Current.CancellationToken);
        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: resumeId);
        await resumed.NextAsync(Arrival);
        var replayed = await resumed.NextAsync(Arrival);

        Assert.Equal(1, swept);
        Assert.Equal(lateId, replayed!.Value.EventId);
    }

    private static async Task<EventStreamClient> OpenReceivingStreamAsync(TestApp app)
    {
        var stream = await EventStreamClient.OpenAsync(app.ClientFor("kancho"));
        await stream.NextAsync();
        var feed = app.Services.GetRequiredService<ServiceBusRelayFeed>();
        for (var i = 0; i < 600 && !feed.IsReceiving; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(feed.IsReceiving, "The instance did not start receiving from its subscription.");
        return stream;
    }

    private static Dictionary<string, string?> Settings(string connection, string topic, string? subscription) => new()
    {
        ["ServiceBus"] = connection,
        ["ServiceBus:TopicName"] = topic,
        ["ServiceBus:SubscriptionName"] = subscription,
    };

    private static async Task<(string Connection, string Topic)> LiveTopicAsync()
    {
        if (Environment.GetEnvironmentVariable("RECRUITOPS_LIVE_SERVICEBUS") is not { Length: > 0 } connection)
        {
            Assert.Skip("Set RECRUITOPS_LIVE_SERVICEBUS to a Service Bus connection string to run the live tests.");
            throw new InvalidOperationException();
        }

        var topic = Environment.GetEnvironmentVariable("RECRUITOPS_LIVE_SERVICEBUS_TOPIC") is { Length: > 0 } name ? name : "operations";
        var admin = new ServiceBusAdministrationClient(connection);
        if (!await admin.TopicExistsAsync(topic, TestContext.Current.CancellationToken))
        {
            await admin.CreateTopicAsync(new CreateTopicOptions(topic) { RequiresDuplicateDetection = true }, TestContext.Current.CancellationToken);
        }

        return (connection, topic);
    }

    private static async Task<string> CreateSubscriptionAsync(string connection, string topic)
    {
        var name = "live-test-" + Guid.NewGuid().ToString("N")[..12];
        await new ServiceBusAdministrationClient(connection).CreateSubscriptionAsync(
            new CreateSubscriptionOptions(topic, name) { AutoDeleteOnIdle = TimeSpan.FromMinutes(5) }, TestContext.Current.CancellationToken);
        return name;
    }

    private static async Task DeleteSubscriptionAsync(string connection, string topic, string name) =>
        await new ServiceBusAdministrationClient(connection).DeleteSubscriptionAsync(topic, name, CancellationToken.None);

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
