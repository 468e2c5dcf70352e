using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using Microsoft.Extensions.DependencyInjection;
using RecruitOps.Streaming;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

[Collection(typeof(RunsAlone))]
public sealed class FanOutTests
{
    private const int Subscribers = 1_000;
    private const int Operations = 50;

    [Fact]
    public async Task Thousand_concurrent_subscribers_all_receive_every_one_of_fifty_operations_in_order()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Stream:HeartbeatSeconds"] = "60",
            // One caller opens every stream here; the per-caller read limit is not what this test is about.
            ["RateLimit:ReadsPerSecond"] = "100000",
            ["RateLimit:ReadBurst"] = "100000",
            ["RateLimit:StreamsPerCaller"] = "100000",
        });
        using var writer = app.ClientFor("recruiter");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Subscribers + 10 };
        using var reader = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.TokenFor("kancho"));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        var relay = app.Services.GetRequiredService<OperationRelay>();
        var streams = new IAsyncEnumerator<SseItem<string>>[Subscribers];
        var responses = new HttpResponseMessage[Subscribers];

        var connecting = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = deadline.Token };
        await Parallel.ForAsync(0, Subscribers, connecting, async (i, token) =>
        {
            responses[i] = await reader.GetAsync(StreamKit.StreamPath, HttpCompletionOption.ResponseHeadersRead, token);
            responses[i].EnsureSuccessStatusCode();
            var body = await responses[i].Content.ReadAsStreamAsync(token);
            // The enumerators outlive this loop, so they take the test's deadline rather than the loop's token.
            streams[i] = SseParser.Create(body, (_, data) => System.Text.Encoding.UTF8.GetString(data))
                .EnumerateAsync(deadline.Token)
                .GetAsyncEnumerator(deadline.Token);
            await streams[i].MoveNextAsync();
        });
        var connected = relay.SubscriberCount;
        var recorded = new List<string>(Operations);
        for (var i = 0; i < Operations; i++)
        {
            recorded.Add(await StreamKit.RecordAsync(writer, $"R{i}"));
        }

        var received = await Task.WhenAll(streams.Select(async stream =>
        {
            var ids = new List<string>(Operations);
            while (ids.Count < Operations && await stream.MoveNextAsync())
            {
                ids.Add(stream.Current.EventId!);
            }

            return ids;
        }));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(Subscribers, connected);
        Assert.All(received, ids => Assert.Equal(recorded, ids));
        Assert.Equal(0, relay.ClosedForBacklog);
    }
}
