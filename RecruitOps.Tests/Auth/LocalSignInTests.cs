using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Auth;

/// <summary>Local sign-in as the page and the replay command use it, and the session endpoint the page reads.</summary>
public sealed class LocalSignInTests
{
    private static readonly Dictionary<string, string?> Enabled = new()
    {
        ["Auth:SigningKey"] = "",
        ["Auth:LocalSignInEnabled"] = "true",
    };

    [Fact]
    public async Task Signing_in_sets_an_http_only_cookie_that_reads_and_with_the_csrf_value_from_me_writes()
    {
        await using var app = await TestApp.StartAsync(Enabled);
        using var browser = new HttpClient { BaseAddress = app.BaseAddress };

        using var signIn = await SignInAsync(browser, "u-1003", "Maria Lopez", "kancho");
        var setCookie = string.Join("\n", signIn.Headers.GetValues("Set-Cookie"));
        using var me = JsonDocument.Parse(await browser.GetStringAsync("/api/auth/me", TestContext.Current.CancellationToken));
        var csrf = me.RootElement.GetProperty("csrf").GetString();
        using var withoutCsrf = await browser.PostAsJsonAsync("/api/recruits/operations", new { recruitId = "R1", action = "created" }, TestContext.Current.CancellationToken);
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/recruits/operations")
        {
            Content = JsonContent.Create(new { recruitId = "R1", action = "created" }),
        };
        write.Headers.Add("X-CSRF-TOKEN", csrf);
        using var written = await browser.SendAsync(write, TestContext.Current.CancellationToken);
        using var listed = await browser.GetAsync("/api/recruits/operations", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("access_token_cookie=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(me.RootElement.GetProperty("authenticated").GetBoolean());
        Assert.Equal("u-1003", me.RootElement.GetProperty("actor").GetProperty("sub").GetString());
        Assert.Equal("Maria Lopez", me.RootElement.GetProperty("actor").GetProperty("name").GetString());
        Assert.True(me.RootElement.GetProperty("canRead").GetBoolean());
        Assert.True(me.RootElement.GetProperty("canWrite").GetBoolean());
        Assert.True(me.RootElement.GetProperty("localSignInEnabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, withoutCsrf.StatusCode);
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task The_returned_access_token_works_as_a_bearer_token_without_csrf()
    {
        await using var app = await TestApp.StartAsync(Enabled);
        using var replay = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        using var signIn = await SignInAsync(replay, "u-1004", "李 明", "recruiter");
        using var token = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        replay.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());

        using var written = await replay.PostAsJsonAsync("/api/recruits/operations", new { recruitId = "R1", action = "created" }, TestContext.Current.CancellationToken);
        using var read = await replay.GetAsync("/api/recruits/operations", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.True(token.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.False(string.IsNullOrEmpty(token.RootElement.GetProperty("csrf").GetString()));
    }

    [Theory]
    [InlineData("u-1", "Name", "admin", "role")]
    [InlineData("u 1", "Name", "kancho", "sub")]
    [InlineData("u-1", "Bell\u0007", "kancho", "name")]
    public async Task Signing_in_with_a_bad_field_names_it(string sub, string name, string role, string field)
    {
        await using var app = await TestApp.StartAsync(Enabled);

        using var response = await SignInAsync(app.Client, sub, name, role);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_form_that_cannot_be_read_is_named_as_the_body_not_as_missing_fields()
    {
        await using var app = await TestApp.StartAsync(Enabled);
        var fields = new Dictionary<string, string> { ["sub"] = "u-1", ["role"] = "kancho" };
        foreach (var i in Enumerable.Range(0, 1100))
        {
            fields[$"k{i}"] = "v";
        }

        using var response = await app.Client.PostAsync(
            "/api/auth/local-sign-in", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["body"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    [Fact]
    public async Task Local_sign_in_is_not_found_unless_enabled_and_me_says_so()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await SignInAsync(app.Client, "u-1", "Name", "kancho");
        using var me = JsonDocument.Parse(await app.Client.GetStringAsync("/api/auth/me", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(me.RootElement.GetProperty("authenticated").GetBoolean());
        Assert.False(me.RootElement.GetProperty("localSignInEnabled").GetBoolean());
        Assert.Empty(me.RootElement.GetProperty("signInRoles").EnumerateArray());
    }

    [Fact]
    public async Task Signing_out_removes_the_cookie()
    {
        await using var app = await TestApp.StartAsync(Enabled);
        using var browser = new HttpClient { BaseAddress = app.BaseAddress };
        using var signIn = await SignInAsync(browser, "u-1002", "佐藤 健", "gicho");

        using var signOut = await browser.PostAsync("/api/auth/sign-out", null, TestContext.Current.CancellationToken);
        using var me = JsonDocument.Parse(await browser.GetStringAsync("/api/auth/me", TestContext.Current.CancellationToken));
        using var read = await browser.GetAsync("/api/recruits/operations", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.False(me.RootElement.GetProperty("authenticated").GetBoolean());
        Assert.Equal(["gicho", "kancho", "recruiter"], me.RootElement.GetProperty("signInRoles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    internal static Task<HttpResponseMessage> SignInAsync(HttpClient client, string sub, string name, string role) =>
        client.PostAsync("/api/auth/local-sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sub"] = sub,
            ["name"] = name,
            ["role"] = role,
        }), TestContext.Current.CancellationToken);
}
