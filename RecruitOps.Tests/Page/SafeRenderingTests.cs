using RecruitOps.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RecruitOps.Tests.Page;

[Trait("Category", "Browser")]
public sealed class SafeRenderingTests
{
    private const string ScriptNote = "<script>window.__pwned = 'script'; alert('script')</script>";
    private const string ImageNote = "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">";

    [Fact]
    public async Task Markup_in_operation_values_renders_as_text_and_runs_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await using var browser = await PageBrowser.LaunchAsync();
        using var client = app.ClientFor("kancho", name: "<b>Eve</b>");
        var fromHistory = await PageBrowser.RecordAsync(client, new { recruitId = "R1", recruitName = "<i>Mallory</i>", action = "created", note = ScriptNote });
        var (page, _) = await browser.OpenAsync(app);
        await PageBrowser.ExpectLiveAsync(page);

        var live = await PageBrowser.RecordAsync(client, new
        {
            recruitId = "R1",
            action = "updated",
            changes = new[] { new { field = "<u>phone</u>", from = "<img src=x onerror=alert(1)>", to = "<svg onload=alert(2)>" } },
            note = ImageNote,
        });
        await Expect(page.Locator($"li[data-id='{live}']")).ToHaveCountAsync(1);
        await page.WaitForTimeoutAsync(500);

        await Expect(page.Locator($"li[data-id='{fromHistory}'] .note")).ToHaveTextAsync(ScriptNote);
        await Expect(page.Locator($"li[data-id='{live}'] .note")).ToHaveTextAsync(ImageNote);
        await Expect(page.Locator($"li[data-id='{live}'] .change .to")).ToHaveTextAsync("<svg onload=alert(2)>");
        await Expect(page.Locator($"li[data-id='{fromHistory}'] .recruit-name")).ToHaveTextAsync("<i>Mallory</i>");
        await Expect(page.Locator($"li[data-id='{fromHistory}'] .actor-name")).ToHaveTextAsync("<b>Eve</b>");
        Assert.Equal(0, await page.Locator("#operations img, #operations script, #operations svg, #operations b, #operations i").CountAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned ?? null"));
        Assert.Equal(0, browser.Dialogs);
        Assert.Empty(await PageBrowser.PolicyViolationsAsync(page));
        await PageBrowser.ScreenshotAsync(page, "markup-as-text");
    }
}
