using System.Net;
using System.Text.Json;
using RecruitOps.Hosting;
using RecruitOps.Tests.Infrastructure;
using RecruitOps.Tests.Streaming;

namespace RecruitOps.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_reports_storage_and_the_relay_to_anyone_without_sign_in()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var recorded = await StreamKit.RecordAsync(writer);
        await using var open = await EventStreamClient.OpenAsync(reader);
        await using var replayed = await EventStreamClient.OpenAsync(reader, lastEventId: recorded);
        await using var resynced = await EventStreamClient.OpenAsync(reader, lastEventId: "garbage");
        await open.NextAsync();
        await replayed.NextAsync();
        await StreamKit.ReadToEndAsync(resynced, TimeSpan.FromSeconds(10));

        using var response = await app.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var root = body.RootElement;
        var relay = root.GetProperty("relay");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal(2, relay.GetProperty("subscribers").GetInt32());
        Assert.Equal(1, relay.GetProperty("replaysServed").GetInt64());
        Assert.Equal(1, relay.GetProperty("resyncsServed").GetInt64());
        Assert.Equal(0, relay.GetProperty("closedForBacklog").GetInt64());
        Assert.Equal(0, relay.GetProperty("closedForFeedGap").GetInt64());
        Assert.False(root.GetProperty("serviceBus").GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task Health_answers_503_when_storage_does_not_answer()
    {
        // Azurite's well-known development account, at a loopback port where nothing listens.
        const string nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { [RecruitOpsServices.StorageConnectionName] = nowhere });

        using var response = await app.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.GetProperty("storage").GetProperty("reachable").GetBoolean());
    }
}
