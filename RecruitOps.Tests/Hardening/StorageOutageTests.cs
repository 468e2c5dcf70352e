using System.Net;
using System.Net.Http.Json;
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
    public async Task A_stream_opened_during_a_storage_outage_ends_cleanly_instead_of_being_aborted()
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

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("event: operation", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}
