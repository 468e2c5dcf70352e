using Microsoft.Extensions.DependencyInjection;
using RecruitOps.Messaging;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

public sealed class ResumeTests
{
    [Fact]
    public async Task Client_that_disconnects_and_misses_two_operations_gets_both_once_when_it_resumes()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var first = await EventStreamClient.OpenAsync(reader);
        await first.NextAsync();
        var seen = await StreamKit.RecordAsync(writer);
        var lastId = (await first.NextAsync())!.Value.EventId!;
        await first.DisposeAsync();

        string[] missed = [await StreamKit.RecordAsync(writer, "R2"), await StreamKit.RecordAsync(writer, "R3")];
        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: lastId);
        var ready = (await resumed.NextAsync())!.Value;
        var sentinel = await StreamKit.RecordAsync(writer, "R4");
        var events = await StreamKit.ReadUntilAsync(resumed, sentinel);

        Assert.Equal(seen, lastId);
        Assert.Equal("ready", ready.EventType);
        Assert.Equal(lastId, ready.EventId);
        Assert.Equal(missed[1], StreamKit.NewestIdOf(ready));
        Assert.Equal([.. missed, sentinel], StreamKit.OperationIds(events));
    }

    [Fact]
    public async Task Client_resuming_from_the_ready_id_of_an_empty_stream_gets_what_was_recorded_since()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var first = await EventStreamClient.OpenAsync(reader);
        var emptyReady = (await first.NextAsync())!.Value;
        await first.DisposeAsync();

        string[] recorded = [await StreamKit.RecordAsync(writer), await StreamKit.RecordAsync(writer)];
        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: emptyReady.EventId);
        await resumed.NextAsync();
        var sentinel = await StreamKit.RecordAsync(writer);
        var events = await StreamKit.ReadUntilAsync(resumed, sentinel);

        Assert.EndsWith(new string('0', 16), emptyReady.EventId);
        Assert.Equal([.. recorded, sentinel], StreamKit.OperationIds(events));
    }

    [Fact]
    public async Task LastEventId_query_parameter_resumes_and_the_header_wins_over_it()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var a = await StreamKit.RecordAsync(writer);
        var b = await StreamKit.RecordAsync(writer);

        await using var byQuery = await EventStreamClient.OpenAsync(reader, path: $"{StreamKit.StreamPath}?lastEventId={a}");
        await using var byHeader = await EventStreamClient.OpenAsync(reader, lastEventId: a, path: $"{StreamKit.StreamPath}?lastEventId={b}");
        var queryReady = (await byQuery.NextAsync())!.Value;
        var headerReady = (await byHeader.NextAsync())!.Value;
        var sentinel = await StreamKit.RecordAsync(writer);
        var fromQuery = StreamKit.OperationIds(await StreamKit.ReadUntilAsync(byQuery, sentinel));
        var fromHeader = StreamKit.OperationIds(await StreamKit.ReadUntilAsync(byHeader, sentinel));

        Assert.Equal(a, queryReady.EventId);
        Assert.Equal(a, headerReady.EventId);
        Assert.Equal([b, sentinel], fromQuery);
        Assert.Equal([b, sentinel], fromHeader);
    }

    [Fact]
    public async Task Operation_the_stream_replayed_and_the_bus_delivers_again_is_sent_once()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var before = await StreamKit.RecordAsync(writer);
        var missed = await StreamKit.RecordAsync(writer);
        var store = app.Services.GetRequiredService<IOperationStore>();
        var publisher = app.Services.GetRequiredService<IOperationPublisher>();

        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: before);
        await resumed.NextAsync();
        var replayed = (await resumed.NextAsync())!.Value;
        // What the outbox sweeper does when clearing a mark failed: the same operation is published a second time.
        await publisher.PublishAsync((await store.GetAsync(missed, TestContext.Current.CancellationToken))!, TestContext.Current.CancellationToken);
        var sentinel = await StreamKit.RecordAsync(writer);
        var rest = await StreamKit.ReadUntilAsync(resumed, sentinel);

        Assert.Equal(missed, replayed.EventId);
        Assert.Equal([sentinel], StreamKit.OperationIds(rest));
    }
}
