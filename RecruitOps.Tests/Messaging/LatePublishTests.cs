using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecruitOps.Messaging;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

/// <summary>
/// The outbox and the late-publish index, through the real standalone host and Azurite, with the Service Bus
/// transport wired as in Azure but its client replaced by an in-memory topic that can be made to fail.
/// </summary>
public sealed class LatePublishTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly FakeServiceBusClient _bus = new InMemoryTopic().CreateClient();
    private TestApp? _app;

    [Fact]
    public async Task A_failed_publish_still_answers_201_and_leaves_the_outbox_mark()
    {
        var app = await StartAsync();
        using var writer = app.ClientFor("recruiter");
        _bus.Sender.Failure = RecordingSender.Unreachable();

        using var response = await RecordAsync(writer, "R20001");
        var sweptWhileFailing = await Sweeper.SweepAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(15));
        var sweptLaterWhileFailing = await Sweeper.SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = await IdOfAsync(response);
        Assert.Equal([id], await UnpublishedIdsAsync());
        Assert.Equal(0, sweptWhileFailing);
        Assert.Equal(0, sweptLaterWhileFailing);
        Assert.Empty(_bus.Sender.Sent);
    }

    [Fact]
    public async Task The_sweeper_publishes_a_failed_operation_later_and_clears_its_mark()
    {
        var app = await StartAsync();
        using var writer = app.ClientFor("recruiter");
        _bus.Sender.Failure = RecordingSender.Unreachable();
        using var response = await RecordAsync(writer, "R20002");
        var id = await IdOfAsync(response);

        _bus.Sender.Failure = null;
        _time.Advance(TimeSpan.FromSeconds(15));
        var swept = await Sweeper.SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, swept);
        Assert.Empty(await UnpublishedIdsAsync());
        Assert.Equal([id], _bus.Sender.Sent.Select(message => message.MessageId));
        var late = await Store.ReadLatePublishedSinceAsync(_time.GetUtcNow() - TimeSpan.FromMinutes(1), 10, TestContext.Current.CancellationToken);
        Assert.Equal([id], late.Select(operation => operation.Id));
    }

    /// <summary>
    /// The case plain "ids after X" misses: A fails to publish, B (newer) is published and seen live, the client goes
    /// away, A goes out late, and the client resumes from B. It must still get A.
    /// </summary>
    [Fact]
    public async Task A_client_resuming_from_a_newer_id_after_a_late_publish_receives_it()
    {
        var app = await StartAsync();
        using var writer = app.ClientFor("recruiter");
        using var reader = app.ClientFor("kancho");
        var feed = app.Services.GetRequiredService<ServiceBusRelayFeed>();
        await using (var live = await EventStreamClient.OpenAsync(reader))
        {
            await live.NextAsync();
            await Eventually.TrueAsync(() => feed.IsReceiving);
            _bus.Sender.Failure = RecordingSender.Unreachable();
            using var lost = await RecordAsync(writer, "R20003");
            _bus.Sender.Failure = null;
            _time.Advance(TimeSpan.FromSeconds(1));
            using var seen = await RecordAsync(writer, "R20004");
            var liveFrame = await live.NextAsync();
            _lateId = await IdOfAsync(lost);
            _resumeId = liveFrame!.Value.EventId;
            Assert.Equal(await IdOfAsync(seen), _resumeId);
        }

        _time.Advance(TimeSpan.FromSeconds(15));
        var swept = await Sweeper.SweepAsync(TestContext.Current.CancellationToken);
        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: _resumeId);
        var ready = await resumed.NextAsync();
        var replayed = await resumed.NextAsync();

        Assert.Equal(1, swept);
        Assert.Equal("ready", ready!.Value.EventType);
        Assert.Equal("operation", replayed!.Value.EventType);
        Assert.Equal(_lateId, replayed.Value.EventId);
        Assert.True(string.CompareOrdinal(_lateId, _resumeId) < 0, "The late operation is older than the resume point.");
    }

    [Fact]
    public async Task A_late_publish_is_indexed_before_it_is_sent_and_an_on_time_one_is_not_indexed()
    {
        var app = await StartAsync();
        using var writer = app.ClientFor("recruiter");
        using var onTime = await RecordAsync(writer, "R20006");
        _bus.Sender.Failure = RecordingSender.Unreachable();
        using var delayed = await RecordAsync(writer, "R20007");
        var lateId = await IdOfAsync(delayed);
        var indexedWhenSent = new List<string>();
        _bus.Sender.Failure = null;
        _bus.Sender.OnSend = async _ => indexedWhenSent.AddRange(
            (await Store.ReadLatePublishedSinceAsync(DateTimeOffset.UnixEpoch, 10, CancellationToken.None)).Select(o => o.Id));

        _time.Advance(LatePublishing.Threshold + TimeSpan.FromSeconds(1));
        var published = await Recorder.TryPublishAsync((await Store.GetAsync(lateId, TestContext.Current.CancellationToken))!, TestContext.Current.CancellationToken);

        Assert.True(published);
        Assert.Equal([lateId], indexedWhenSent);
        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        var indexed = await Store.ReadLatePublishedSinceAsync(DateTimeOffset.UnixEpoch, 10, TestContext.Current.CancellationToken);
        Assert.Equal([lateId], indexed.Select(operation => operation.Id));
    }

    [Fact]
    public async Task A_send_that_hangs_is_cut_off_and_its_outbox_mark_stays()
    {
        var app = await StartAsync();
        using var writer = app.ClientFor("recruiter");
        _bus.Sender.Failure = RecordingSender.Unreachable();
        using var response = await RecordAsync(writer, "R20008");
        var operation = (await Store.GetAsync(await IdOfAsync(response), TestContext.Current.CancellationToken))!;
        _bus.Sender.Failure = null;
        _bus.Sender.Hang = true;

        var attempt = Recorder.TryPublishAsync(operation, TestContext.Current.CancellationToken);
        for (var i = 0; i < 500 && !attempt.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.False(await attempt);
        Assert.Equal([operation.Id], await UnpublishedIdsAsync());
    }

    [Fact]
    public async Task Late_publish_rows_are_found_by_publish_time_once_each_and_trimmed_after_retention()
    {
        await StartAsync();
        var now = _time.GetUtcNow();
        var operation = new Operation(OperationId.AtTime(now.AddMinutes(-5))[..^1] + "1", "R20005", null, "created", null, null, null,
            new Actor("u-1", "Test", "recruiter"), now.AddMinutes(-5));
        var cancellationToken = TestContext.Current.CancellationToken;
        await Store.RecordLatePublishAsync(operation, now - LatePublishing.Retention - TimeSpan.FromMinutes(1), cancellationToken);
        await Store.RecordLatePublishAsync(operation, now.AddSeconds(-20), cancellationToken);
        await Store.RecordLatePublishAsync(operation, now.AddSeconds(-10), cancellationToken);

        var recent = await Store.ReadLatePublishedSinceAsync(now.AddSeconds(-30), 10, cancellationToken);
        var deleted = await Store.DeleteLatePublishedBeforeAsync(now - LatePublishing.Retention, cancellationToken);
        var all = await Store.ReadLatePublishedSinceAsync(DateTimeOffset.UnixEpoch, 10, cancellationToken);
        var none = await Store.ReadLatePublishedSinceAsync(now, 10, cancellationToken);

        Assert.Equal([operation.Id], recent.Select(o => o.Id));
        Assert.Equal(OperationJson.Serialize(operation), OperationJson.Serialize(recent[0]));
        Assert.Equal(1, deleted);
        Assert.Single(all);
        Assert.Empty(none);
    }

    private string? _lateId;
    private string? _resumeId;

    private IOperationStore Store => _app!.Services.GetRequiredService<IOperationStore>();

    private OperationRecorder Recorder => _app!.Services.GetRequiredService<OperationRecorder>();

    private OutboxSweeper Sweeper => _app!.Services.GetRequiredService<OutboxSweeper>();

    private async Task<TestApp> StartAsync()
    {
        _app = await InMemoryBusApp.StartAsync(_bus, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(_time);
            // The test sweeps by hand, at the fake clock's times.
            builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(OutboxSweepService)));
        });
        return _app;
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient writer, string recruitId) =>
        writer.PostAsJsonAsync("/api/recruits/operations", new { recruitId, action = "created" }, TestContext.Current.CancellationToken);

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<string[]> UnpublishedIdsAsync() =>
        (await Store.ListUnpublishedAsync(_time.GetUtcNow().AddMinutes(1), 10, TestContext.Current.CancellationToken))
        .Select(operation => operation.Id).ToArray();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
