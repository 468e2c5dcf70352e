using System.Net;
using System.Text.Json;

namespace RecruitOps.Tests.Auth;

/// <summary>
/// Every hostile or malformed request gets exactly its intended 4xx as problem+json, with the security headers,
/// and leaves the table as it was.
/// </summary>
public sealed class HostileRequestTests(HostileAppFixture fixture) : IClassFixture<HostileAppFixture>
{
    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in HostileRequests.All.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Fact]
    public void The_table_holds_at_least_a_hundred_hostile_requests()
    {
        Assert.True(HostileRequests.All.Count >= 100, $"Only {HostileRequests.All.Count} cases.");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_request_gets_only_its_intended_problem_and_changes_nothing(string name)
    {
        var hostile = HostileRequests.All[name];
        var before = await fixture.SnapshotTableAsync();

        using var request = hostile.Build(fixture.ExistingId);
        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var after = await fixture.SnapshotTableAsync();

        Assert.Equal(hostile.Status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)hostile.Status, problem.RootElement.GetProperty("status").GetInt32());
        if (hostile.Field is { } field)
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"The problem does not name '{field}': {body}");
        }

        if (hostile.Status == HttpStatusCode.Unauthorized)
        {
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        if (hostile.CrossOrigin)
        {
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        }

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("frame-ancestors 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    public static TheoryData<string> Injections => new(HostileRequests.Injections);

    /// <summary>The stream's contract for an unknown resume point is a resync event, so a hostile one gets exactly that.</summary>
    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Hostile_last_event_id_gets_a_resync_and_changes_nothing(string value)
    {
        var before = await fixture.SnapshotTableAsync();
        using var reader = new HttpClient { BaseAddress = fixture.App.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        reader.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Shared(role: "kancho"));

        await using var stream = await Infrastructure.EventStreamClient.OpenAsync(
            reader, path: $"{HostileRequests.Stream}?lastEventId={Uri.EscapeDataString(value)}");
        var ready = await stream.NextAsync();
        var resync = await stream.NextAsync();
        var after = await fixture.SnapshotTableAsync();

        Assert.Equal("ready", ready!.Value.EventType);
        Assert.Equal("resync", resync!.Value.EventType);
        Assert.Equal(before, after);
    }
}
