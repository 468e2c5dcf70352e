using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using RecruitOps.Hosting;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Hardening;

/// <summary>With storage unreachable the app answers 503 problem+json, reports itself unhealthy and keeps running.</summary>
public sealed class StorageOutageTests
{
    // Nothing listens on port 1 of the loopback: every storage call fails at the transport, as in an outage.
    private const string UnreachableStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public async Task Recording_during_a_storage_outage_answers_503_and_the_app_stays_up()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [RecruitOpsServices.StorageConnectionName] = UnreachableStorage,
        });
        using var writer = app.ClientFor("recruiter");

        using var recorded = await writer.PostAsJsonAsync(
            "/api/recruits/operations", new { recruitId = "R1", action = "created" }, TestContext.Current.CancellationToken);
        using var health = await app.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);
        using var again = await app.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, recorded.StatusCode);
        Assert.Equal("application/problem+json", recorded.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(recorded.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("\"reachable\":false", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
    }

    [Fact]
    public async Task A_stream_opened_during_a_storage_outage_is_refused_with_503_before_it_starts()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [RecruitOpsServices.StorageConnectionName] = UnreachableStorage,
        });
        using var reader = app.ClientFor("kancho");

        using var response = await reader.GetAsync(
            "/api/recruits/operations/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        // An aborted response throws here ("the response ended prematurely"); a clean end reads to its last byte.
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var health = await app.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain("event:", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task Storage_that_accepts_connections_but_never_answers_gets_a_prompt_503_that_does_not_promise_nothing_was_written()
    {
        // A hung storage node: connections are accepted and held, and no byte ever comes back.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<Socket>();
        using var stopAccepting = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stopAccepting.IsCancellationRequested)
            {
                held.Add(await silent.AcceptSocketAsync(stopAccepting.Token));
            }
        }, TestContext.Current.CancellationToken);
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [RecruitOpsServices.StorageConnectionName] = UnreachableStorage.Replace("127.0.0.1:1/", $"127.0.0.1:{port}/", StringComparison.Ordinal),
        });
        using var writer = app.ClientFor("recruiter");
        using var reader = app.ClientFor("kancho");
        var clock = Stopwatch.StartNew();

        using var recorded = await writer.PostAsJsonAsync(
            "/api/recruits/operations", new { recruitId = "R1", action = "created", operationId = "hung-1" }, TestContext.Current.CancellationToken);
        using var listed = await reader.GetAsync("/api/recruits/operations", TestContext.Current.CancellationToken);
        var elapsed = clock.Elapsed;
        var problem = await recorded.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, recorded.StatusCode);
        Assert.Equal("application/problem+json", recorded.Content.Headers.ContentType?.MediaType);
        Assert.Contains("may or may not have been recorded", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, listed.StatusCode);
        // The SDK's defaults would hold each request for over six minutes; the app bounds it to about 20 s.
        Assert.InRange(elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        await stopAccepting.CancelAsync();
        await Task.WhenAny(accepting, Task.Delay(1000, TestContext.Current.CancellationToken));
        held.ForEach(socket => socket.Dispose());
    }
}
