using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace RecruitOps.Tests.Streaming;

/// <summary>
/// The stream as raw bytes off a plain socket: the status line and headers as sent, and the body with chunked
/// transfer coding undone by hand, so tests see exactly which bytes arrived and when.
/// </summary>
internal sealed class RawEventStream : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly BufferedStream _stream;
    private string _pending = string.Empty;

    private RawEventStream(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = new BufferedStream(tcp.GetStream());
    }

    public string StatusLine { get; private set; } = string.Empty;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many chunks the body has arrived in so far.</summary>
    public int Chunks { get; private set; }

    public static async Task<RawEventStream> OpenAsync(Uri baseAddress, string token, string path = StreamKit.StreamPath)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, TestContext.Current.CancellationToken);
        var raw = new RawEventStream(tcp);
        var request = $"GET {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAuthorization: Bearer {token}\r\n" +
            "Accept: text/event-stream\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n";
        await raw._stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        await raw._stream.FlushAsync(TestContext.Current.CancellationToken);
        raw.StatusLine = await raw.ReadLineAsync();
        for (var line = await raw.ReadLineAsync(); line.Length > 0; line = await raw.ReadLineAsync())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            raw.Headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        return raw;
    }

    /// <summary>The next frame (event or comment) up to and including its blank line.</summary>
    public async Task<string> ReadFrameAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (!_pending.Contains("\n\n", StringComparison.Ordinal))
        {
            _pending += await ReadChunkAsync(deadline.Token);
        }

        var end = _pending.IndexOf("\n\n", StringComparison.Ordinal) + 2;
        var frame = _pending[..end];
        _pending = _pending[end..];
        return frame;
    }

    private async Task<string> ReadChunkAsync(CancellationToken cancellationToken)
    {
        var size = int.Parse(await ReadLineAsync(cancellationToken), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (size == 0)
        {
            throw new EndOfStreamException("The server ended the stream.");
        }

        var data = new byte[size];
        await _stream.ReadExactlyAsync(data, cancellationToken);
        await ReadLineAsync(cancellationToken);
        Chunks++;
        return Encoding.UTF8.GetString(data);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            await _stream.ReadExactlyAsync(one, cancellationToken.CanBeCanceled ? cancellationToken : TestContext.Current.CancellationToken);
            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(one[0]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
