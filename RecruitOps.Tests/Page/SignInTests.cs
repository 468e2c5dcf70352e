using RecruitOps.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RecruitOps.Tests.Page;

[Trait("Category", "Browser")]
public sealed class SignInTests
{
    [Fact]
    public async Task Session_ending_while_live_shows_sign_in_without_a_reconnect_loop()
    {
        // A short stream lifetime makes the server end the stream soon, as it does every few minutes in production.
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Stream:LifetimeSeconds"] = "5" });
        await using var browser = await PageBrowser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(app);
        var streamRequests = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/operations/stream", StringComparison.Ordinal))
            {
                streamRequests++;
            }
        };
        await PageBrowser.ExpectLiveAsync(page);

        await page.Context.ClearCookiesAsync();
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var requestsAtPrompt = streamRequests;
        await page.WaitForTimeoutAsync(8_000);

        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "signedOut");
        Assert.Equal(requestsAtPrompt, streamRequests);
        Assert.InRange(streamRequests, 0, 1);
        await PageBrowser.ScreenshotAsync(page, "signed-out-prompt");
    }

    [Fact]
    public async Task Page_without_a_session_offers_local_sign_in_and_then_goes_live()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Auth:LocalSignInEnabled"] = "true" });
        await using var browser = await PageBrowser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(app, role: null, locale: "zh-CN");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await PageBrowser.ScreenshotAsync(page, "sign-in-form-zh");

        await page.FillAsync("#sign-in-form input[name=name]", "王 芳");
        await page.FillAsync("#sign-in-form input[name=sub]", "u-2001");
        await page.SelectOptionAsync("#sign-in-form select[name=role]", "gicho");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await PageBrowser.ExpectLiveAsync(page);
        using var client = app.ClientFor("recruiter");
        var id = await PageBrowser.RecordAsync(client, new { recruitId = "R9", action = "created" });

        await Expect(page.Locator("#sign-in")).ToBeHiddenAsync();
        await Expect(page.Locator($"li[data-id='{id}']")).ToHaveCountAsync(1);
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, cookie => cookie is { Name: "access_token_cookie", HttpOnly: true });
    }

    [Fact]
    public async Task Without_local_sign_in_the_prompt_points_to_the_main_app()
    {
        await using var app = await TestApp.StartAsync();
        await using var browser = await PageBrowser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(app, role: null);
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();

        await page.ClickAsync("#sign-in-form button[type=submit]");

        await Expect(page.Locator("#sign-in-message")).ToHaveTextAsync(
            "Sign-in happens in the main recruiting app. Sign in there, then reload this page.");
        await Expect(page.Locator("#sign-in-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "signedOut");
    }
}
