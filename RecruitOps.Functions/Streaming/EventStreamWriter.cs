using System.Buffers;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RecruitOps.Streaming;

/// <summary>
/// Writes the event stream: framing by <see cref="SseFormatter"/>, plus what it lacks — comment heartbeats, a flush
/// after every event, and response headers that keep proxies and compression from holding events back.
/// </summary>
public sealed class EventStreamWriter
{
    public const string OperationEventType = "operation";
    public const string ReadyEventType = "ready";
    public const string ResyncEventType = "resync";

    private static readonly byte[] Heartbeat = ": keep-alive\n\n"u8.ToArray();
    private readonly HttpResponse _response;

    private EventStreamWriter(HttpResponse response) => _response = response;

    /// <summary>
    /// Sets the stream's headers without sending them: they go out with the first event (<c>ready</c>), which follows
    /// the stream's first storage reads. Until then a storage failure can still be answered with a 503.
    /// </summary>
    public static EventStreamWriter Prepare(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        // Compression buffers output until a block fills; an event must reach the browser as soon as it is written.
        response.Headers.ContentEncoding = "identity";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        return new EventStreamWriter(response);
    }

    public async Task WriteEventAsync(
        string eventType, string? id, ReadOnlyMemory<byte> utf8Data, CancellationToken cancellationToken, TimeSpan? retry = null) =>
        await WriteFrameAsync(await FormatAsync(eventType, id, utf8Data, retry), cancellationToken);

    /// <summary>Writes an event formatted by <see cref="FormatAsync"/> and flushes it.</summary>
    public async Task WriteFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _response.Body.WriteAsync(frame, cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>A comment line: keeps intermediaries from closing an idle connection and never changes the client's last id.</summary>
    public async Task WriteHeartbeatAsync(CancellationToken cancellationToken)
    {
        await _response.Body.WriteAsync(Heartbeat, cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Frames one event with <see cref="SseFormatter"/> into bytes, so a live operation is framed once and the same
    /// bytes go to every subscriber.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>> FormatAsync(
        string eventType, string? id, ReadOnlyMemory<byte> utf8Data, TimeSpan? retry = null)
    {
        var item = new SseItem<ReadOnlyMemory<byte>>(utf8Data, eventType) { EventId = id, ReconnectionInterval = retry };
        using var buffer = new MemoryStream(utf8Data.Length + 64);
        await SseFormatter.WriteAsync(One(item), buffer, static (item, writer) => writer.Write(item.Data.Span), CancellationToken.None);
        return buffer.ToArray();
    }

    private static async IAsyncEnumerable<SseItem<ReadOnlyMemory<byte>>> One(SseItem<ReadOnlyMemory<byte>> item)
    {
        await Task.CompletedTask;
        yield return item;
    }
}
