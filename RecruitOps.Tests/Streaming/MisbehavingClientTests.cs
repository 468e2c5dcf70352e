using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecruitOps.Streaming;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

public sealed class MisbehavingClientTests
{
    [Fact]
    public async Task Client_that_disconnects_is_noticed_and_its_subscription_freed_within_a_heartbeat()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Stream:HeartbeatSeconds"] = "1" });
        using var reader = app.ClientFor("kancho");
        var relay = app.Services.GetRequiredService<OperationRelay>();
        var stream = await EventStreamClient.OpenAsync(reader);
        await stream.NextAsync();
        var whileOpen = relay.SubscriberCount;

        await stream.DisposeAsync();
        var freed = await WaitUntilAsync(() => relay.SubscriberCount == 0, TimeSpan.FromSeconds(3));
        var health = await app.Client.GetStringAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(1, whileOpen);
        Assert.True(freed, "the subscription outlived its client by more than a heartbeat or two");
        Assert.Contains("\"subscribers\":0", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_that_never_reads_is_closed_at_its_backlog_cap_while_another_receives_everything()
    {
        using var logs = new CapturedLogs();
        // Loopback grows socket buffers to megabytes; small ones make writes back up after a few events instead.
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?> { ["Stream:BacklogCapacity"] = "16", ["Logging:LogLevel:RecruitOps"] = "Information" },
            builder =>
            {
                builder.Logging.AddProvider(logs);
                builder.WebHost.UseSockets(sockets => sockets.CreateBoundListenSocket = endpoint =>
                {
                    var listener = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                    listener.SendBufferSize = 8192;
                    return listener;
                });
            });
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var relay = app.Services.GetRequiredService<OperationRelay>();
        using var stuckClient = ClientWithSmallReceiveBuffer(app);
        using var stuck = await stuckClient.GetAsync(StreamKit.StreamPath, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var good = await EventStreamClient.OpenAsync(reader);
        await good.NextAsync();
        var note = new string('声', 2000);
        var recorded = new List<string>();

        var goodReading = Task.Run(() => ReadUntilNoteAsync(good, "sentinel"), TestContext.Current.CancellationToken);
        while (relay.ClosedForBacklog == 0 && recorded.Count < 400)
        {
            recorded.Add(await StreamKit.RecordAsync(writer, note: note));
        }

        recorded.Add(await StreamKit.RecordAsync(writer, note: "sentinel"));
        // The stuck stream ends while its client still reads nothing, not whenever the client gets round to it.
        var endedStuck = await WaitUntilAsync(() => logs.Entries.Any(entry => entry is (2004, "Stream ended: Backlog")), TimeSpan.FromSeconds(5));
        var goodReceived = StreamKit.OperationIds(await goodReading);
        var stuckReceived = await ReadWhatArrivedAsync(await stuck.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: stuckReceived.Last());
        await resumed.NextAsync();
        var resumedReceived = StreamKit.OperationIds(await StreamKit.ReadUntilAsync(resumed, recorded[^1]));

        Assert.Equal(1, relay.ClosedForBacklog);
        Assert.True(endedStuck, "the stream of the client that stopped reading stayed open");
        Assert.Equal(recorded, goodReceived);
        Assert.InRange(stuckReceived.Count(id => id.Length == 26), 1, recorded.Count - 2);
        Assert.Equal(resumedReceived.Count, resumedReceived.Distinct().Count());
        Assert.Empty(recorded.Except(stuckReceived).Except(resumedReceived));
    }

    private static HttpClient ClientWithSmallReceiveBuffer(TestApp app)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.TokenFor("kancho"));
        return client;
    }

    private static async Task<List<SseItem<string>>> ReadUntilNoteAsync(EventStreamClient stream, string note)
    {
        var events = new List<SseItem<string>>();
        while (await stream.NextAsync(TimeSpan.FromSeconds(30)) is { } item)
        {
            events.Add(item);
            if (item.Data.Contains($"\"note\":\"{note}\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        return events;
    }

    /// <summary>The ids (ready's included) of every whole event that reached the client before the server cut it off.</summary>
    private static async Task<List<string>> ReadWhatArrivedAsync(Stream body)
    {
        var ids = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var item in SseParser.Create(body, (_, data) => Encoding.UTF8.GetString(data)).EnumerateAsync(deadline.Token))
            {
                ids.Add(item.EventId!);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // Cut off mid-event: the parser never dispatches a partial one.
        }

        return ids;
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return condition();
    }
}
