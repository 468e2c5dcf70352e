using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Auth;

/// <summary>
/// The positive side of the hostile suite: each token source and each way of sending a token works, so a refusal
/// there is the attack being caught, not everything failing.
/// </summary>
public sealed class TokenSourceTests
{
    [Fact]
    public async Task Shared_key_and_authority_tokens_both_record_and_read_with_the_actor_from_their_claims()
    {
        await using var authority = await FakeOidcAuthority.StartAsync();
        await using var app = await StartTrustingBothAsync(authority);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var sharedWrite = await SendAsync(client, HostileRequests.ValidPost(TestTokens.Shared(role: "recruiter", sub: "u-1004", name: "李 明")));
        using var authorityWrite = await SendAsync(client, HostileRequests.ValidPost(TestTokens.FromAuthority(role: "gicho", sub: "oid-42")));
        using var authorityRead = await SendAsync(client, HostileRequests.Get(HostileRequests.Operations, TestTokens.FromAuthority(role: "kancho")));

        Assert.Equal(HttpStatusCode.Created, sharedWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Created, authorityWrite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorityRead.StatusCode);
        using var shared = JsonDocument.Parse(await sharedWrite.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("u-1004", shared.RootElement.GetProperty("actor").GetProperty("sub").GetString());
        Assert.Equal("李 明", shared.RootElement.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("recruiter", shared.RootElement.GetProperty("actor").GetProperty("role").GetString());
        using var fromAuthority = JsonDocument.Parse(await authorityWrite.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("oid-42", fromAuthority.RootElement.GetProperty("actor").GetProperty("sub").GetString());
        Assert.Equal("gicho", fromAuthority.RootElement.GetProperty("actor").GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_cookie_write_with_the_matching_csrf_header_is_recorded_and_a_cookie_read_needs_none()
    {
        await using var authority = await FakeOidcAuthority.StartAsync();
        await using var app = await StartTrustingBothAsync(authority);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        var token = TestTokens.Shared(role: "kancho", sub: "u-cookie");

        using var write = HostileRequests.ValidPost(null);
        write.Headers.Add("Cookie", $"access_token_cookie={token}");
        write.Headers.Add("X-CSRF-TOKEN", TestTokens.Csrf("u-cookie"));
        using var written = await SendAsync(client, write);
        using var read = HostileRequests.Get(HostileRequests.Operations, null);
        read.Headers.Add("Cookie", $"access_token_cookie={token}");
        using var listed = await SendAsync(client, read);

        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task With_only_a_shared_key_an_authority_signed_token_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await SendAsync(client, HostileRequests.Get(HostileRequests.Operations, TestTokens.FromAuthority(role: "kancho")));
        using var control = await SendAsync(client, HostileRequests.Get(HostileRequests.Operations, TestApp.TokenFor("kancho")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Fact]
    public async Task With_only_an_authority_a_shared_key_token_is_refused()
    {
        await using var authority = await FakeOidcAuthority.StartAsync();
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = "",
            ["Auth:Authority"] = authority.Authority,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:Audience"] = TestTokens.Audience,
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await SendAsync(client, HostileRequests.Get(HostileRequests.Operations, TestTokens.Shared(role: "kancho")));
        using var control = await SendAsync(client, HostileRequests.Get(HostileRequests.Operations, TestTokens.FromAuthority(role: "kancho")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_authority_answers_503_not_401_or_500()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = "http://127.0.0.1:9/nothing-listens-here",
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:Audience"] = TestTokens.Audience,
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await SendAsync(client, HostileRequests.Get(HostileRequests.Operations, TestTokens.FromAuthority(role: "kancho")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Configured_role_lists_replace_the_defaults()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:ReaderRoles:0"] = "gicho",
            ["Auth:WriterRoles:0"] = "gicho",
        });
        using var kancho = app.ClientFor("kancho");
        using var gicho = app.ClientFor("gicho");

        using var kanchoRead = await kancho.GetAsync(HostileRequests.Operations, TestContext.Current.CancellationToken);
        using var gichoRead = await gicho.GetAsync(HostileRequests.Operations, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, kanchoRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, gichoRead.StatusCode);
    }

    internal static Task<TestApp> StartTrustingBothAsync(FakeOidcAuthority authority, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = TestTokens.Issuer,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Auth:Authority"] = authority.Authority,
            ["Auth:RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return TestApp.StartAsync(settings);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request) =>
        client.SendAsync(request, TestContext.Current.CancellationToken);
}
