using System.Net;
using System.Net.Sockets;

namespace RecruitOps.Benchmarks.Streams;

/// <summary>
/// Opens each client connection from the next of several loopback source addresses (127.0.0.1, 127.0.0.2, ...).
/// One source address can reach one server port from only about 28,000 ephemeral ports
/// (<c>/proc/sys/net/ipv4/ip_local_port_range</c>); every address in 127.0.0.0/8 is local on Linux, so more source
/// addresses give more connections without touching system settings.
/// </summary>
internal sealed class LoopbackConnector(int sourceAddresses)
{
    /// <summary>Connections per source address we plan for, below the default ephemeral range of 28,232 ports.</summary>
    public const int ConnectionsPerAddress = 25_000;

    private long _next = -1;

    public int SourceAddresses { get; } = Math.Clamp(sourceAddresses, 1, 254);

    public static int AddressesFor(int connections) => Math.Max(1, (connections + ConnectionsPerAddress - 1) / ConnectionsPerAddress);

    public static IPAddress SourceAddress(int index) => new(new byte[] { 127, 0, 0, (byte)(index + 1) });

    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var index = (int)(Interlocked.Increment(ref _next) % SourceAddresses);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (index > 0)
            {
                socket.Bind(new IPEndPoint(SourceAddress(index), 0));
            }

            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
