using System.Net;
using RecruitOps.Hardening;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Hardening;

public sealed class StreamQuotaTests
{
    [Fact]
    public async Task A_caller_past_its_stream_cap_gets_429_until_one_of_its_streams_closes()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimit:StreamsPerCaller"] = "2",
            ["Stream:HeartbeatSeconds"] = "1",
        });
        using var reader = app.ClientFor("kancho", sub: "u-many-tabs");
        using var other = app.ClientFor("kancho", sub: "u-other");
        var quota = (CallerStreamQuota)app.Services.GetService(typeof(CallerStreamQuota))!;
        var first = await EventStreamClient.OpenAsync(reader);
        await using var second = await EventStreamClient.OpenAsync(reader);
        await first.NextAsync();
        await second.NextAsync();

        using var refused = await OpenRawAsync(reader);
        await using var someoneElse = await EventStreamClient.OpenAsync(other);
        await first.DisposeAsync();
        var reopened = await WaitForStreamAsync(reader);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("ready", (await someoneElse.NextAsync())!.Value.EventType);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(2, quota.OpenFor("u-many-tabs"));
        reopened.Dispose();
    }

    private static Task<HttpResponseMessage> OpenRawAsync(HttpClient client) =>
        client.GetAsync("/api/recruits/operations/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

    /// <summary>The server frees a closed stream's slot once it notices the disconnect (within a heartbeat).</summary>
    private static async Task<HttpResponseMessage> WaitForStreamAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var response = await OpenRawAsync(client);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The closed stream's slot was never freed.");
    }
}
