using System.Net;
using System.Net.Sockets;
using System.Text;
using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Tests.Benchmarks;

public sealed class LoopbackConnectorTests
{
    [Fact]
    public async Task Each_new_connection_comes_from_the_next_loopback_source_address()
    {
        var token = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        var connector = new LoopbackConnector(3);
        using var client = new HttpClient(connector.CreateHandler()) { BaseAddress = url };
        var sources = new List<IPAddress>();

        for (var i = 0; i < 4; i++)
        {
            var request = client.GetAsync("", token);
            using var accepted = await listener.AcceptTcpClientAsync(token);
            sources.Add(((IPEndPoint)accepted.Client.RemoteEndPoint!).Address);
            // Connection: close, so the next request needs a new connection.
            await accepted.GetStream().WriteAsync(
                Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"), token);
            using var response = await request;
        }

        Assert.Equal(["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.1"], sources.Select(address => address.ToString()));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(25_000, 1)]
    [InlineData(25_001, 2)]
    [InlineData(50_000, 2)]
    [InlineData(60_000, 3)]
    public void Enough_source_addresses_are_planned_for_the_connections(int connections, int addresses)
    {
        Assert.Equal(addresses, LoopbackConnector.AddressesFor(connections));
    }
}
