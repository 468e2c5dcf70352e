using System.Diagnostics;
using System.Net.Http.Headers;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

public sealed class LifetimeTests
{
    [Fact]
    public async Task Stream_ends_at_its_lifetime_and_the_resumed_stream_loses_nothing_recorded_in_between()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Stream:LifetimeSeconds"] = "5",
            ["Stream:HeartbeatSeconds"] = "1",
        });
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var clock = Stopwatch.StartNew();
        var first = await EventStreamClient.OpenAsync(reader);
        await first.NextAsync();
        var seen = await StreamKit.RecordAsync(writer);
        var lastId = (await first.NextAsync())!.Value.EventId!;

        var rest = await StreamKit.ReadToEndAsync(first, TimeSpan.FromSeconds(15));
        var endedAfter = clock.Elapsed;
        await first.DisposeAsync();
        var between = await StreamKit.RecordAsync(writer);
        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: lastId);
        await resumed.NextAsync();
        var sentinel = await StreamKit.RecordAsync(writer);
        var replayed = StreamKit.OperationIds(await StreamKit.ReadUntilAsync(resumed, sentinel));

        Assert.Equal(seen, lastId);
        Assert.Empty(rest);
        Assert.InRange(endedAfter, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(15));
        Assert.Equal([between, sentinel], replayed);
    }

    [Fact]
    public async Task Stopping_the_app_ends_an_open_stream_promptly_instead_of_holding_up_shutdown()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Stream:HeartbeatSeconds"] = "60" });
        using var reader = app.ClientFor("kancho");
        await using var stream = await EventStreamClient.OpenAsync(reader);
        await stream.NextAsync();

        var clock = Stopwatch.StartNew();
        var stopping = app.App.StopAsync(TestContext.Current.CancellationToken);
        var next = await stream.NextAsync(TimeSpan.FromSeconds(10));
        await stopping;

        Assert.Null(next);
        // The host would wait out its 30 s shutdown timeout for a stream that ignored the stop.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Stream_of_a_caller_whose_token_expires_ends_then_instead_of_at_its_lifetime()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Stream:HeartbeatSeconds"] = "1" });
        using var reader = new HttpClient { BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.TokenFor("kancho", lifetime: TimeSpan.FromSeconds(3)));
        var clock = Stopwatch.StartNew();
        await using var stream = await EventStreamClient.OpenAsync(reader);

        var ready = await stream.NextAsync();
        var rest = await StreamKit.ReadToEndAsync(stream, TimeSpan.FromSeconds(15));

        Assert.Equal("ready", ready!.Value.EventType);
        Assert.Empty(rest);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(6));
    }
}
