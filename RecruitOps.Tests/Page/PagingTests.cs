using RecruitOps.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RecruitOps.Tests.Page;

[Trait("Category", "Browser")]
public sealed class PagingTests
{
    [Fact]
    public async Task Load_more_pages_back_through_history_without_repeats_and_survives_a_language_switch()
    {
        await using var app = await TestApp.StartAsync();
        await using var browser = await PageBrowser.LaunchAsync();
        using var client = app.ClientFor("kancho");
        var recorded = new List<string>();
        for (var i = 0; i < 55; i++)
        {
            recorded.Add(await PageBrowser.RecordAsync(client, new { recruitId = $"R{i}", action = "created" }));
        }

        var (page, _) = await browser.OpenAsync(app);
        await PageBrowser.ExpectLiveAsync(page);
        await Expect(page.Locator("#operations > li")).ToHaveCountAsync(50);
        await page.ClickAsync("#load-more");
        await Expect(page.Locator("#operations > li")).ToHaveCountAsync(55);
        await page.SelectOptionAsync("#language", "ja");

        recorded.Reverse();
        Assert.Equal(recorded, await PageBrowser.ShownIdsAsync(page));
        await Expect(page.Locator("#load-more")).ToBeHiddenAsync();
        await Expect(page.Locator("#operations > li").First.Locator(".action-name")).ToHaveTextAsync("登録");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.Locator("#summary [data-stage='new'] .stage-count")).ToHaveTextAsync("55");
    }
}
