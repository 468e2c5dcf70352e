using System.Buffers;
using System.Net.Http.Headers;
using System.Text;

namespace RecruitOps.Benchmarks.Streams;

/// <summary>
/// One held stream, kept cheap: while idle it waits with a zero-byte read and holds no buffer of its own; when bytes
/// arrive it borrows one from the shared pool, notes the arrival time, scans for event boundaries and ids, and
/// gives the buffer back.
/// </summary>
internal sealed class StreamSubscriber : ISseFrameSink, IAsyncDisposable
{
    public const string StreamPath = "api/recruits/operations/stream";
    private const int ChunkBytes = 4096;

    private readonly int _index;
    private readonly DeliveryLedger? _ledger;
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly SseFrameScanner _scanner = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action<StreamSubscriber, string, long>? _onOperation;
    private long _arrivedAt;
    private Task _reading = Task.CompletedTask;

    private StreamSubscriber(int index, DeliveryLedger? ledger, HttpResponseMessage response, Stream body)
    {
        _index = index;
        _ledger = ledger;
        _response = response;
        _body = body;
    }

    public int Index => _index;

    public string? ReadyId { get; private set; }

    public int Operations { get; private set; }

    public int Resyncs { get; private set; }

    /// <summary>Set when the server ended the stream or reading failed; the subscriber is then no longer held.</summary>
    public bool Ended { get; private set; }

    /// <summary>Opens the stream and returns once its <c>ready</c> event arrived, i.e. the server has subscribed it.</summary>
    public static async Task<StreamSubscriber> OpenAsync(
        HttpClient client, int index, DeliveryLedger? ledger, string? lastEventId, CancellationToken cancellationToken,
        Action<StreamSubscriber, string, long>? onOperation = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, StreamPath);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new HttpRequestException($"The stream answered {(int)status} {status}.", null, status);
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var subscriber = new StreamSubscriber(index, ledger, response, body) { _onOperation = onOperation };
        subscriber._reading = subscriber.ReadAsync();
        await subscriber._ready.Task.WaitAsync(cancellationToken);
        return subscriber;
    }

    public void OnFrame(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> lastEventId)
    {
        if (eventType.SequenceEqual("operation"u8))
        {
            Operations++;
            _ledger?.Record(_index, lastEventId, _arrivedAt);
            _onOperation?.Invoke(this, Encoding.UTF8.GetString(lastEventId), _arrivedAt);
        }
        else if (eventType.SequenceEqual("ready"u8))
        {
            ReadyId = Encoding.UTF8.GetString(lastEventId);
            _ready.TrySetResult();
        }
        else if (eventType.SequenceEqual("resync"u8))
        {
            Resyncs++;
        }
    }

    private async Task ReadAsync()
    {
        // Leave the caller's context at once: tens of thousands of these loops run on the thread pool.
        await Task.Yield();
        try
        {
            while (true)
            {
                // A zero-byte read: completes when data is there, without pinning a buffer for an idle stream.
#pragma warning disable CA2022 // Nothing is read into an empty buffer; the count is meaningless by design.
                await _body.ReadAsync(Memory<byte>.Empty, _stop.Token);
#pragma warning restore CA2022
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                try
                {
                    var read = await _body.ReadAsync(buffer.AsMemory(0, ChunkBytes), _stop.Token);
                    _arrivedAt = DeliveryLedger.Now();
                    if (read == 0)
                    {
                        break;
                    }

                    _scanner.Scan(buffer.AsSpan(0, read), this);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed by us or by the server: either way this stream is no longer held.
        }

        Ended = true;
        _ready.TrySetException(new HttpRequestException("The stream ended before its ready event."));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading;
        _stop.Dispose();
    }
}
