using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using RecruitOps.Hosting;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Operations;

/// <summary>
/// A transaction that commits but whose answer is lost on the way back: the SDK sends it again, the retry conflicts
/// with the rows its first try wrote, and the operation must still be acknowledged, once.
/// </summary>
public sealed partial class LostAnswerTests
{
    [Fact]
    public async Task A_transaction_whose_answer_was_lost_after_it_committed_is_acknowledged_and_stored_once()
    {
        var azurite = Regex.Match(TestApp.StorageConnectionString, @"TableEndpoint=http://127\.0\.0\.1:(\d+)/");
        var tablePort = azurite.Success ? int.Parse(azurite.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 10002;
        await using var proxy = LossyProxy.Start(tablePort);
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"TableEndpoint=http://127.0.0.1:{proxy.Port}/devstoreaccount1;";
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { [RecruitOpsServices.StorageConnectionName] = connection });
        using var writer = app.ClientFor("recruiter");
        proxy.DropNextBatchAnswer();

        using var response = await writer.PostAsJsonAsync(
            "/api/recruits/operations", new { recruitId = "R-LOST", action = "created" }, TestContext.Current.CancellationToken);

        Assert.True(proxy.DroppedAnswers == 1, "The proxy should have dropped exactly one answer.");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await OperationsAppFixture.CountRowsAsync(app, OperationRowKeys.RecruitPrefix("R-LOST")));
        Assert.Equal(1, await OperationsAppFixture.CountRowsAsync(app, OperationRowKeys.TimelinePrefix));
    }

    /// <summary>
    /// Forwards loopback TCP to Azurite; when told to, closes the connection of the next entity-group transaction as
    /// soon as its answer starts to come back, so the transaction has committed and the client never hears of it.
    /// </summary>
    private sealed class LossyProxy : IAsyncDisposable
    {
        private static readonly byte[] BatchRequest = Encoding.ASCII.GetBytes("/$batch");
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly int _target;
        private int _dropArmed;
        private int _dropped;

        private LossyProxy(int target) => _target = target;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int DroppedAnswers => Volatile.Read(ref _dropped);

        public static LossyProxy Start(int target)
        {
            var proxy = new LossyProxy(target);
            proxy._listener.Start();
            _ = proxy.AcceptAsync();
            return proxy;
        }

        public void DropNextBatchAnswer() => Volatile.Write(ref _dropArmed, 1);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = RelayAsync(client);
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        }

        private async Task RelayAsync(TcpClient client)
        {
            using var _ = client;
            using var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            var dropThisAnswer = false;
            var up = PumpAsync(client.GetStream(), server.GetStream(), chunk =>
            {
                if (chunk.AsSpan().IndexOf(BatchRequest) >= 0 && Interlocked.Exchange(ref _dropArmed, 0) == 1)
                {
                    dropThisAnswer = true;
                }

                return true;
            });
            var down = PumpAsync(server.GetStream(), client.GetStream(), _ =>
            {
                if (!dropThisAnswer)
                {
                    return true;
                }

                Interlocked.Increment(ref _dropped);
                return false;
            });
            await Task.WhenAny(up, down);
        }

        /// <summary>Copies until either side closes, or <paramref name="forward"/> says to cut the connection.</summary>
        private async Task PumpAsync(NetworkStream from, NetworkStream to, Func<byte[], bool> forward)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                int read;
                while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    if (!forward(buffer[..read]))
                    {
                        return;
                    }

                    await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // One side went away; the relay ends.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
