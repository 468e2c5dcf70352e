using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RecruitOps.Hardening;
using RecruitOps.Tests.Auth;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Hardening;

/// <summary>Security headers on every kind of answer, CORS for the allow-list only, and the per-caller rate limit.</summary>
public sealed class RequestGuardTests
{
    [Theory]
    [InlineData("/api/recruits/page")]
    [InlineData("/api/recruits/page/app.js")]
    [InlineData("/api/recruits/page/missing.js")]
    [InlineData("/api/health")]
    [InlineData("/api/auth/me")]
    [InlineData("/api/recruits/operations")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_stream_carries_the_security_headers_and_keeps_its_own_cache_control()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");

        await using var stream = await EventStreamClient.OpenAsync(reader);

        Assert.Equal("nosniff", string.Join(",", stream.Response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("no-cache", stream.Response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allowed_origin_gets_credentialed_cors_and_its_preflight_is_answered()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Auth:AllowedOrigins:0"] = "https://trusted.example" });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/recruits/operations");
        preflight.Headers.Add("Origin", "https://trusted.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/recruits/operations");
        read.Headers.Add("Origin", "https://trusted.example");
        read.Headers.Authorization = new("Bearer", TestApp.TokenFor("kancho"));

        using var preflightResponse = await app.Client.SendAsync(preflight, TestContext.Current.CancellationToken);
        using var readResponse = await app.Client.SendAsync(read, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Equal("https://trusted.example", Header(preflightResponse, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(preflightResponse, "Access-Control-Allow-Credentials"));
        Assert.Contains("X-CSRF-TOKEN", Header(preflightResponse, "Access-Control-Allow-Headers"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);
        Assert.Equal("https://trusted.example", Header(readResponse, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_an_allow_list_no_origin_gets_cors_headers()
    {
        await using var app = await TestApp.StartAsync();
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/recruits/operations");
        read.Headers.Add("Origin", "https://trusted.example");
        read.Headers.Authorization = new("Bearer", TestApp.TokenFor("kancho"));

        using var response = await app.Client.SendAsync(read, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_caller_over_its_write_rate_gets_429_with_retry_after_while_another_caller_is_unaffected()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimit:WritesPerSecond"] = "1",
            ["RateLimit:WriteBurst"] = "2",
        });
        using var greedy = app.ClientFor("recruiter", sub: "u-greedy");
        using var other = app.ClientFor("recruiter", sub: "u-other");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5 && refused is null; i++)
        {
            var response = await greedy.PostAsJsonAsync("/api/recruits/operations", new { recruitId = "R1", action = "created" }, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using var otherResponse = await other.PostAsJsonAsync("/api/recruits/operations", new { recruitId = "R1", action = "created" }, TestContext.Current.CancellationToken);

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        }

        Assert.Equal(HttpStatusCode.Created, statuses[0]);
        Assert.Equal(HttpStatusCode.Created, otherResponse.StatusCode);
    }

    [Fact]
    public async Task The_health_probe_answers_head_and_is_never_throttled_by_anonymous_traffic()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimit:AnonymousPerSecond"] = "1",
            ["RateLimit:AnonymousBurst"] = "1",
        });
        var junk = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var refused = await app.Client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
            junk.Add(refused.StatusCode);
        }

        using var probe = await app.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, "/api/health");
        using var head = await app.Client.SendAsync(headRequest, TestContext.Current.CancellationToken);

        Assert.Contains(HttpStatusCode.TooManyRequests, junk);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) :
        response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues) : "";
}
