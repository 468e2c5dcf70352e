using System.Net.Http.Headers;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Auth;

/// <summary>The stream authenticates before it starts and stops serving a caller whose token has expired.</summary>
public sealed class StreamAuthTests
{
    [Fact]
    public async Task A_stream_opened_with_a_token_about_to_expire_ends_at_a_heartbeat_after_expiry()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Stream:HeartbeatSeconds"] = "1",
            ["Stream:LifetimeSeconds"] = "60",
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestApp.TokenFor("kancho", lifetime: TimeSpan.FromSeconds(3)));
        await using var stream = await EventStreamClient.OpenAsync(client);

        var ready = await stream.NextAsync();
        var afterExpiry = await stream.NextAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("ready", ready!.Value.EventType);
        Assert.Null(afterExpiry);
    }
}
