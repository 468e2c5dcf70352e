using RecruitOps.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RecruitOps.Tests.Page;

[Trait("Category", "Browser")]
public sealed class RoutineStreamEndTests
{
    [Fact]
    public async Task Stream_ended_by_its_lifetime_resumes_at_once_without_a_reconnect_countdown()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Stream:LifetimeSeconds"] = "12" });
        await using var browser = await PageBrowser.LaunchAsync();
        using var client = app.ClientFor("kancho");
        var (page, _) = await browser.OpenAsync(app);
        await PageBrowser.ExpectLiveAsync(page);
        await page.EvaluateAsync(
            """
            () => {
              window.connectionStates = [];
              const element = document.getElementById('connection');
              new MutationObserver(() => window.connectionStates.push(element.dataset.state))
                .observe(element, { attributes: true, attributeFilter: ['data-state'] });
            }
            """);

        var resumed = await page.WaitForRequestAsync(
            request => request.Url.Contains("/operations/stream?lastEventId=", StringComparison.Ordinal),
            new() { Timeout = 30_000 });
        await PageBrowser.ExpectLiveAsync(page);
        var recorded = await PageBrowser.RecordAsync(client, new { recruitId = "R1", action = "created" });

        await Expect(page.Locator($"li[data-id='{recorded}']")).ToHaveCountAsync(1);
        var states = await page.EvaluateAsync<string[]>("() => window.connectionStates");
        Assert.NotNull(resumed);
        Assert.Contains("reconnecting", states);
        // The backoff of a real failure would show "waiting" with a countdown of at least two seconds.
        Assert.DoesNotContain("waiting", states);
    }
}
