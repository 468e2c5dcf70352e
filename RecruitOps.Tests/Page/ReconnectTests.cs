using System.Text.RegularExpressions;
using RecruitOps.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RecruitOps.Tests.Page;

[Trait("Category", "Browser")]
public sealed class ReconnectTests
{
    [Fact]
    public async Task Page_reconnects_after_a_server_restart_and_shows_operations_from_the_outage_once()
    {
        var app = await TestApp.StartAsync();
        await using var owner = app;
        await using var browser = await PageBrowser.LaunchAsync();
        using (var client = app.ClientFor("kancho"))
        {
            await PageBrowser.RecordAsync(client, new { recruitId = "R1", action = "created" });
        }

        var (page, _) = await browser.OpenAsync(app);
        var streamUrls = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/operations/stream", StringComparison.Ordinal))
            {
                streamUrls.Add(request.Url);
            }
        };
        await PageBrowser.ExpectLiveAsync(page);
        var beforeOutage = await PageBrowser.ShownIdsAsync(page);

        await app.StopAsync();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", new Regex("^(waiting|reconnecting)$"));
        await Expect(page.Locator("#connection-text")).ToHaveTextAsync(new Regex(@"Reconnecting in \d+ s"));
        await PageBrowser.ScreenshotAsync(page, "reconnect-countdown");
        // Recorded while the page's server is down, through another instance on the same table.
        string[] duringOutage;
        await using (var other = await TestApp.StartAsync(tableName: app.TableName))
        {
            using var client = other.ClientFor("recruiter", sub: "u-1005", name: "Kim Ji-woo");
            duringOutage =
            [
                await PageBrowser.RecordAsync(client, new { recruitId = "R2", action = "created" }),
                await PageBrowser.RecordAsync(client, new { recruitId = "R1", action = "interview_decision", decision = "fail" }),
            ];
        }

        await using var restarted = await TestApp.StartAsync(port: app.BaseAddress.Port, tableName: app.TableName);
        await PageBrowser.ExpectLiveAsync(page, timeoutMs: 60_000);
        await Expect(page.Locator($"li[data-id='{duringOutage[1]}']")).ToHaveCountAsync(1);
        using var after = restarted.ClientFor("kancho");
        var afterOutage = await PageBrowser.RecordAsync(after, new { recruitId = "R3", action = "created" });
        await Expect(page.Locator($"li[data-id='{afterOutage}']")).ToHaveCountAsync(1);

        Assert.Single(beforeOutage);
        // The page resumed where it stopped instead of starting over: the replay, not a reload, filled the gap.
        Assert.Contains(streamUrls, url => url.EndsWith($"lastEventId={beforeOutage[0]}", StringComparison.Ordinal));
        Assert.Equal([afterOutage, duringOutage[1], duringOutage[0], beforeOutage[0]], await PageBrowser.ShownIdsAsync(page));
        await Expect(page.Locator("#summary [data-stage='failed'] .stage-count")).ToHaveTextAsync("1");
        await PageBrowser.ScreenshotAsync(page, "reconnect-after-restart");
    }

    [Fact]
    public async Task Network_loss_shows_offline_and_its_return_reconnects_at_once_with_what_was_missed()
    {
        await using var app = await TestApp.StartAsync();
        await using var browser = await PageBrowser.LaunchAsync();
        using var client = app.ClientFor("kancho");
        var (page, _) = await browser.OpenAsync(app);
        await PageBrowser.ExpectLiveAsync(page);

        await page.Context.SetOfflineAsync(true);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = 15_000 });
        await PageBrowser.ScreenshotAsync(page, "offline");
        var missed = await PageBrowser.RecordAsync(client, new { recruitId = "R1", action = "created" });
        // Offline long enough for two failed attempts (at most 3.75 s + 7.5 s): the next one is then at least
        // 15.75 s after the loss, so only the `online` event can bring the page back within two seconds of 12.
        await page.WaitForTimeoutAsync(12_000);
        var statusWhileOffline = await page.Locator("#connection-text").TextContentAsync();
        await page.Context.SetOfflineAsync(false);

        await PageBrowser.ExpectLiveAsync(page, timeoutMs: 2_000);
        await Expect(page.Locator($"li[data-id='{missed}']")).ToHaveCountAsync(1);
        Assert.Equal("Offline", statusWhileOffline);
    }

    [Fact]
    public async Task Resume_point_too_far_back_makes_the_page_reload_the_list_from_history()
    {
        // The server replays at most one operation; missing more than that earns a `resync`.
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Stream:ReplayLimit"] = "1" });
        await using var browser = await PageBrowser.LaunchAsync();
        using var client = app.ClientFor("kancho");
        var first = await PageBrowser.RecordAsync(client, new { recruitId = "R1", action = "created" });
        var (page, _) = await browser.OpenAsync(app);
        var streamUrls = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/operations/stream", StringComparison.Ordinal))
            {
                streamUrls.Add(request.Url);
            }
        };
        await PageBrowser.ExpectLiveAsync(page);

        await page.Context.SetOfflineAsync(true);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = 15_000 });
        var missed = new List<string>();
        for (var i = 2; i <= 4; i++)
        {
            missed.Add(await PageBrowser.RecordAsync(client, new { recruitId = $"R{i}", action = "created" }));
        }

        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator($"li[data-id='{missed[^1]}']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await PageBrowser.ExpectLiveAsync(page, timeoutMs: 30_000);

        Assert.Equal([missed[2], missed[1], missed[0], first], await PageBrowser.ShownIdsAsync(page));
        Assert.Contains(streamUrls, url => url.Contains("lastEventId=", StringComparison.Ordinal));
        Assert.DoesNotContain("lastEventId=", streamUrls[^1], StringComparison.Ordinal);
    }
}
