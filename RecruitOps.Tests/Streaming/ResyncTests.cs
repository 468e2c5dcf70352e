using System.Text.Json;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

public sealed class ResyncTests
{
    [Fact]
    public async Task Malformed_resume_points_get_resync_and_no_replay_then_the_stream_ends()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var recorded = await StreamKit.RecordAsync(writer);
        string[] malformed =
        [
            "not-an-id",
            recorded.ToLowerInvariant(),
            recorded + "0",
            recorded[..25] + "U",
            "' or PartitionKey ne '",
            "ZZZZZZZZZZ0000000000000000",
        ];

        foreach (var value in malformed)
        {
            await using var stream = await EventStreamClient.OpenAsync(reader, path: $"{StreamKit.StreamPath}?lastEventId={Uri.EscapeDataString(value)}");
            var ready = (await stream.NextAsync())!.Value;
            var resync = (await stream.NextAsync())!.Value;
            var end = await stream.NextAsync();

            Assert.Equal(("ready", recorded), (ready.EventType, ready.EventId));
            Assert.Equal("resync", resync.EventType);
            Assert.Null(resync.EventId);
            Assert.Null(end);
        }
    }

    [Fact]
    public async Task Well_formed_id_of_no_recorded_operation_gets_resync()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        await StreamKit.RecordAsync(writer);
        var neverRecorded = new OperationIdGenerator(TimeProvider.System).Next();

        await using var stream = await EventStreamClient.OpenAsync(reader, lastEventId: neverRecorded);
        await stream.NextAsync();
        var resync = (await stream.NextAsync())!.Value;

        Assert.Equal("resync", resync.EventType);
        Assert.Contains("No operation", Reason(resync), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_point_further_back_than_the_replay_limit_gets_resync_and_not_a_partial_replay()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Stream:ReplayLimit"] = "3",
            // Only the ids after the resume point count here, not those the commit-lag allowance would add.
            ["Stream:ReplayCommitLagSeconds"] = "0",
        });
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var atLimit = await StreamKit.RecordAsync(writer);
        for (var i = 0; i < 3; i++)
        {
            await StreamKit.RecordAsync(writer);
        }

        var beyondLimit = await StreamKit.RecordAsync(writer);
        for (var i = 0; i < 3; i++)
        {
            await StreamKit.RecordAsync(writer);
        }

        await using var tooFar = await EventStreamClient.OpenAsync(reader, lastEventId: atLimit);
        await using var justFits = await EventStreamClient.OpenAsync(reader, lastEventId: beyondLimit);
        await tooFar.NextAsync();
        await justFits.NextAsync();
        var resync = (await tooFar.NextAsync())!.Value;
        var afterResync = await StreamKit.ReadToEndAsync(tooFar, TimeSpan.FromSeconds(10));
        var sentinel = await StreamKit.RecordAsync(writer);
        var replayed = StreamKit.OperationIds(await StreamKit.ReadUntilAsync(justFits, sentinel));

        Assert.Equal("resync", resync.EventType);
        Assert.Contains("More operations", Reason(resync), StringComparison.Ordinal);
        Assert.Empty(afterResync);
        Assert.Equal(4, replayed.Count);
    }

    [Fact]
    public async Task Resume_point_older_than_the_max_age_or_in_the_future_gets_resync()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        await StreamKit.RecordAsync(writer);

        await using var ancient = await EventStreamClient.OpenAsync(reader, lastEventId: OperationId.AtTime(DateTimeOffset.UtcNow.AddDays(-2)));
        await using var future = await EventStreamClient.OpenAsync(reader, lastEventId: OperationId.AtTime(DateTimeOffset.UtcNow.AddHours(1)));
        await ancient.NextAsync();
        await future.NextAsync();
        var ancientResync = (await ancient.NextAsync())!.Value;
        var futureResync = (await future.NextAsync())!.Value;

        Assert.Equal("resync", ancientResync.EventType);
        Assert.Contains("older than", Reason(ancientResync), StringComparison.Ordinal);
        Assert.Equal("resync", futureResync.EventType);
    }

    private static string Reason(System.Net.ServerSentEvents.SseItem<string> resync)
    {
        using var json = JsonDocument.Parse(resync.Data);
        return json.RootElement.GetProperty("reason").GetString()!;
    }
}
