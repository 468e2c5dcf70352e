using System.Net.ServerSentEvents;
using System.Text;
using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Tests.Benchmarks;

public sealed class SseFrameScannerTests
{
    // Everything the app sends, plus the spec's corners: CRLF and CR endings, a comment, an id with no event (not
    // dispatched, but remembered), an id that carries over, an id with NUL (ignored), a field without a colon, an
    // unknown field.
    private const string Stream =
        "retry: 3000\nevent: ready\nid: 01KBN0000000000000000000AA\ndata: {\"newestId\":\"01KBN0000000000000000000AA\"}\n\n" +
        ": keep-alive\n\n" +
        "event: operation\r\nid: 01KBN0000000000000000000AB\r\ndata: {\"id\":\"01KBN0000000000000000000AB\",\"note\":\"声音条件好\"}\r\n\r\n" +
        "event: operation\rid:01KBN0000000000000000000AC\rdata: {}\r\r" +
        "id: 01KBN0000000000000000000AD\n\n" +
        "data: carries the last id over\n\n" +
        "event: operation\nid: bad\0id\ndata\n\n" +
        "event: resync\nfoo: bar\ndata: {\"reason\":\"x\"}\n\n";

    [Fact]
    public void Finds_the_same_event_types_and_ids_as_SseParser_however_the_bytes_are_split()
    {
        var bytes = Encoding.UTF8.GetBytes(Stream);
        var expected = Reference(bytes);

        var whole = Scan(bytes, bytes.Length);
        var splits = Enumerable.Range(1, bytes.Length - 1).Select(at => Scan(bytes, at, splitOnce: true)).ToList();
        var byteByByte = Scan(bytes, 1);

        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, whole);
        Assert.All(splits, frames => Assert.Equal(expected, frames));
        Assert.Equal(expected, byteByByte);
    }

    [Fact]
    public void Reports_operation_frames_with_their_own_ids_and_forgets_the_type_of_an_event_without_data()
    {
        // SseParser keeps "lonely" for the next event; the WHATWG rules (and browsers) reset the type: the scanner
        // follows the rules. The app never sends an event without data, so the difference never shows in a run.
        var bytes = Encoding.UTF8.GetBytes(Stream.Replace("id: 01KBN0000000000000000000AD\n\n", "event: lonely\nid: 01KBN0000000000000000000AD\n\n", StringComparison.Ordinal));

        var frames = Scan(bytes, 7);

        Assert.Equal(
            [("ready", "01KBN0000000000000000000AA"), ("operation", "01KBN0000000000000000000AB"), ("operation", "01KBN0000000000000000000AC")],
            frames.Take(3));
        Assert.Equal(("message", "01KBN0000000000000000000AD"), frames[3]);
        Assert.Equal(("operation", "01KBN0000000000000000000AD"), frames[4]);
    }

    /// <summary>What SseParser makes of it: each item's type, and the parser's last event id when it was dispatched.</summary>
    private static List<(string Type, string Id)> Reference(byte[] bytes)
    {
        var parser = SseParser.Create(new MemoryStream(bytes));
        var frames = new List<(string Type, string Id)>();
        foreach (var item in parser.Enumerate())
        {
            frames.Add((item.EventType, parser.LastEventId));
        }

        return frames;
    }

    private static List<(string Type, string Id)> Scan(byte[] bytes, int chunk, bool splitOnce = false)
    {
        var scanner = new SseFrameScanner();
        var sink = new CollectingSink();
        if (splitOnce)
        {
            scanner.Scan(bytes.AsSpan(0, chunk), sink);
            scanner.Scan(bytes.AsSpan(chunk), sink);
            return sink.Frames;
        }

        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            scanner.Scan(bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset)), sink);
        }

        return sink.Frames;
    }

    private sealed class CollectingSink : ISseFrameSink
    {
        public List<(string Type, string Id)> Frames { get; } = [];

        public void OnFrame(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> lastEventId) =>
            Frames.Add((Encoding.UTF8.GetString(eventType), Encoding.UTF8.GetString(lastEventId)));
    }
}
