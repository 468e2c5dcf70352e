using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

/// <summary>What goes over the wire, read as raw bytes from a plain socket rather than through an SSE parser.</summary>
public sealed class FramingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stream_starts_with_retry_and_ready_then_flushes_each_event_as_it_is_written_uncompressed()
    {
        await using var app = await TestApp.StartAsync();
        using var writer = app.ClientFor("recruiter");
        var newest = await StreamKit.RecordAsync(writer);
        await using var raw = await RawEventStream.OpenAsync(app.BaseAddress, TestApp.TokenFor("kancho"));

        var ready = await raw.ReadFrameAsync(Patience);
        var first = await StreamKit.RecordAsync(writer, note: "一");
        var firstFrame = await raw.ReadFrameAsync(Patience);
        var chunksAfterFirst = raw.Chunks;
        var second = await StreamKit.RecordAsync(writer, note: "二");
        var secondFrame = await raw.ReadFrameAsync(Patience);

        Assert.Equal("HTTP/1.1 200 OK", raw.StatusLine);
        Assert.StartsWith("text/event-stream", raw.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("no-cache", raw.Headers["Cache-Control"]);
        Assert.Equal("no", raw.Headers["X-Accel-Buffering"]);
        Assert.Equal("chunked", raw.Headers["Transfer-Encoding"]);
        Assert.True(!raw.Headers.TryGetValue("Content-Encoding", out var encoding) || encoding == "identity", $"Content-Encoding: {encoding}");
        Assert.Equal($"event: ready\ndata: {{\"newestId\":\"{newest}\"}}\nid: {newest}\nretry: 3000\n\n", ready);
        AssertOperationFrame(firstFrame, first);
        AssertOperationFrame(secondFrame, second);
        // Each event reached the client on its own, before the next operation was even recorded.
        Assert.Equal(chunksAfterFirst + 1, raw.Chunks);
    }

    [Fact]
    public async Task Heartbeats_are_comment_lines_sent_when_nothing_else_was()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Stream:HeartbeatSeconds"] = "1" });
        await using var raw = await RawEventStream.OpenAsync(app.BaseAddress, TestApp.TokenFor("kancho"));

        var ready = await raw.ReadFrameAsync(Patience);
        var heartbeats = new[] { await raw.ReadFrameAsync(Patience), await raw.ReadFrameAsync(Patience) };

        Assert.StartsWith("event: ready\n", ready, StringComparison.Ordinal);
        Assert.All(heartbeats, frame => Assert.Equal(": keep-alive\n\n", frame));
    }

    private static void AssertOperationFrame(string frame, string id)
    {
        var lines = frame.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("event: operation", lines[0]);
        Assert.StartsWith($"data: {{\"id\":\"{id}\"", lines[1], StringComparison.Ordinal);
        Assert.Equal($"id: {id}", lines[2]);
    }
}
