using RecruitOps.Page;
using RecruitOps.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RecruitOps.Tests.Page;

[Trait("Category", "Browser")]
public sealed class LivePageTests
{
    [Fact]
    public async Task Two_open_pages_each_show_an_operation_recorded_elsewhere_once_and_live()
    {
        await using var app = await TestApp.StartAsync();
        await using var browser = await PageBrowser.LaunchAsync();
        using var recruiter = app.ClientFor("recruiter", sub: "u-1004", name: "李 明");
        var (first, response) = await browser.OpenAsync(app);
        var (second, _) = await browser.OpenAsync(app, locale: "ja-JP", timeZone: "Asia/Tokyo");
        await PageBrowser.ExpectLiveAsync(first);
        await PageBrowser.ExpectLiveAsync(second);

        var created = await PageBrowser.RecordAsync(recruiter, new { recruitId = "R20001", recruitName = "王小明", action = "created" });
        var passed = await PageBrowser.RecordAsync(recruiter, new
        {
            recruitId = "R20001", recruitName = "王小明", action = "interview_decision", decision = "pass", note = "声音条件好。",
        });

        foreach (var page in new[] { first, second })
        {
            var row = page.Locator($"#operations > li[data-id='{passed}']");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("王小明");
            await Expect(row).ToContainTextAsync("李 明");
            await Expect(row.Locator(".badge-pass")).ToBeVisibleAsync();
            await Expect(page.Locator("#summary [data-stage='interviewPassed'] .stage-count")).ToHaveTextAsync("1");
            Assert.Equal([passed, created], await PageBrowser.ShownIdsAsync(page));
            Assert.Empty(await PageBrowser.PolicyViolationsAsync(page));
        }

        await Expect(first.Locator($"li[data-id='{passed}'] .badge")).ToHaveTextAsync("Pass");
        await Expect(second.Locator($"li[data-id='{passed}'] .badge")).ToHaveTextAsync("合格");
        Assert.Equal(RecruitOps.Hardening.SecurityHeaders.ContentSecurityPolicy, response!.Headers["content-security-policy"]);
        await PageBrowser.ScreenshotAsync(first, "live-two-pages-en");
        await PageBrowser.ScreenshotAsync(second, "live-two-pages-ja");
    }

    [Fact]
    public async Task An_operation_that_arrives_late_is_placed_in_time_order_and_shown_once()
    {
        await using var app = await TestApp.StartAsync();
        // A second instance on the same table: what it records never reaches this app's stream, like a lost event.
        await using var other = await TestApp.StartAsync(tableName: app.TableName);
        await using var browser = await PageBrowser.LaunchAsync();
        using var here = app.ClientFor("kancho");
        using var there = other.ClientFor("kancho");
        var first = await PageBrowser.RecordAsync(here, new { recruitId = "R1", action = "created" });
        var (page, _) = await browser.OpenAsync(app);
        await PageBrowser.ExpectLiveAsync(page);

        var late = await PageBrowser.RecordAsync(there, new { recruitId = "R2", action = "created" });
        var live = await PageBrowser.RecordAsync(here, new { recruitId = "R3", action = "created" });
        await Expect(page.Locator($"li[data-id='{live}']")).ToHaveCountAsync(1);
        var beforeRefresh = await PageBrowser.ShownIdsAsync(page);
        await page.ClickAsync("#refresh");
        await Expect(page.Locator($"li[data-id='{late}']")).ToHaveCountAsync(1);
        await page.ClickAsync("#refresh");
        await Expect(page.Locator("#refresh")).ToBeEnabledAsync();

        Assert.Equal([live, first], beforeRefresh);
        Assert.Equal([live, late, first], await PageBrowser.ShownIdsAsync(page));
        await Expect(page.Locator("#summary [data-stage='new'] .stage-count")).ToHaveTextAsync("3");
        await PageBrowser.ScreenshotAsync(page, "late-arrival-in-order");
    }

    [Fact]
    public async Task Filtering_by_recruit_shows_only_that_recruit_including_live_operations()
    {
        await using var app = await TestApp.StartAsync();
        await using var browser = await PageBrowser.LaunchAsync();
        using var client = app.ClientFor("kancho");
        var mine = await PageBrowser.RecordAsync(client, new { recruitId = "R7", recruitName = "佐藤 花子", action = "created" });
        await PageBrowser.RecordAsync(client, new { recruitId = "R8", action = "created" });
        var (page, _) = await browser.OpenAsync(app, locale: "zh-CN", timeZone: "Asia/Shanghai");
        await PageBrowser.ExpectLiveAsync(page);

        await page.ClickAsync($"li[data-id='{mine}'] .recruit");
        await Expect(page.Locator("#operations > li")).ToHaveCountAsync(1);
        var liveMine = await PageBrowser.RecordAsync(client, new { recruitId = "R7", action = "go_live_decision", decision = "pass" });
        var liveOther = await PageBrowser.RecordAsync(client, new { recruitId = "R8", action = "archived" });
        await Expect(page.Locator("#summary [data-stage='archived'] .stage-count")).ToHaveTextAsync("1");

        Assert.Equal([liveMine, mine], await PageBrowser.ShownIdsAsync(page));
        Assert.DoesNotContain(liveOther, await PageBrowser.ShownIdsAsync(page));
        Assert.EndsWith("recruitId=R7", page.Url);
        await Expect(page.Locator("#summary [data-stage='live'] .stage-count")).ToHaveTextAsync("1");
        await Expect(page.Locator($"li[data-id='{liveMine}'] .badge")).ToHaveTextAsync("通过");
    }
}
