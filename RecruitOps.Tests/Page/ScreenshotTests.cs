using System.Net.Http.Json;
using System.Text.Json;
using RecruitOps.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RecruitOps.Tests.Page;

[Trait("Category", "Browser")]
public sealed class ScreenshotTests
{
    private const string SamplePath = "/work/shared/data/operations-sample.jsonl";
    private const int SampleLines = 50;
    private const int RecordedWhileOpen = 3;

    /// <summary>
    /// Replays the first lines of the realistic sample through the API, each as the user who recorded it, and saves
    /// the page in each language at 1280x800 (docs/page.png is the English one).
    /// </summary>
    [Fact]
    public async Task Page_with_sample_operations_is_readable_in_each_language()
    {
        if (!File.Exists(SamplePath))
        {
            Assert.Skip($"The sample data is not at {SamplePath}.");
        }

        await using var app = await TestApp.StartAsync();
        await using var browser = await PageBrowser.LaunchAsync();
        var lines = File.ReadLines(SamplePath).Take(SampleLines).ToArray();
        var clients = new Dictionary<string, HttpClient>();
        try
        {
            foreach (var line in lines[..^RecordedWhileOpen])
            {
                await ReplayAsync(app, clients, line);
            }

            var (english, _) = await browser.OpenAsync(app, locale: "en-US", timeZone: "Asia/Shanghai");
            var (chinese, _) = await browser.OpenAsync(app, locale: "zh-CN", timeZone: "Asia/Shanghai");
            var (japanese, _) = await browser.OpenAsync(app, locale: "ja-JP", timeZone: "Asia/Tokyo");
            var pages = new[] { english, chinese, japanese };
            foreach (var page in pages)
            {
                await PageBrowser.ExpectLiveAsync(page);
            }

            string? newest = null;
            foreach (var line in lines[^RecordedWhileOpen..])
            {
                newest = await ReplayAsync(app, clients, line);
            }

            foreach (var page in pages)
            {
                await Expect(page.Locator($"li[data-id='{newest}']")).ToHaveCountAsync(1);
                Assert.Equal(SampleLines, (await PageBrowser.ShownIdsAsync(page)).Distinct().Count());
                Assert.Empty(await PageBrowser.PolicyViolationsAsync(page));
            }

            await PageBrowser.ScreenshotAsync(english, "page-sample-en");
            await PageBrowser.ScreenshotAsync(chinese, "page-sample-zh");
            await PageBrowser.ScreenshotAsync(japanese, "page-sample-ja");
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<string> ReplayAsync(TestApp app, Dictionary<string, HttpClient> clients, string line)
    {
        using var json = JsonDocument.Parse(line);
        var actor = json.RootElement.GetProperty("as");
        var sub = actor.GetProperty("sub").GetString()!;
        if (!clients.TryGetValue(sub, out var client))
        {
            client = app.ClientFor(actor.GetProperty("role").GetString()!, sub, actor.GetProperty("name").GetString()!);
            clients[sub] = client;
        }

        using var response = await client.PostAsJsonAsync(
            "/api/recruits/operations", json.RootElement.GetProperty("body"), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var stored = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return stored.RootElement.GetProperty("id").GetString()!;
    }
}
