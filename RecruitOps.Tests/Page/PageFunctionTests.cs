using System.Net;
using RecruitOps.Page;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Page;

public sealed class PageFunctionTests
{
    [Theory]
    [InlineData("api/recruits/page", "text/html")]
    [InlineData("api/recruits/page/app.js", "text/javascript")]
    [InlineData("api/recruits/page/connection.js", "text/javascript")]
    [InlineData("api/recruits/page/app.css", "text/css")]
    public async Task Page_files_are_served_publicly_under_the_content_security_policy(string path, string mediaType)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RecruitOps.Hardening.SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Trailing_slash_redirects_so_the_page_finds_its_relative_files()
    {
        await using var app = await TestApp.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync("api/recruits/page/?recruitId=R1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/recruits/page?recruitId=R1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unknown_page_file_is_a_problem_not_found()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync("api/recruits/page/secrets.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
