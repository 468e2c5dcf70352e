using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Page;

/// <summary>
/// Debian's headless Chromium driven by Playwright, opening the live list page of a <see cref="TestApp"/>. Each page
/// records the dialogs it opened and every content-security-policy violation, so tests can prove nothing ran.
/// </summary>
public sealed class PageBrowser : IAsyncDisposable
{
    public const string PagePath = "api/recruits/page";

    // Counts what the page did that it must not: script injected through data, or markup the CSP refused.
    private const string WatchScript = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
        """;

    /// <summary>Debian's package; eng/test.sh honours the same override.</summary>
    public static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable("RECRUITOPS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PageBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public int Dialogs { get; private set; }

    public static async Task<PageBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"Browser tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        return new PageBrowser(playwright, browser);
    }

    /// <summary>Opens the page in a fresh context; signed in with a cookie token for <paramref name="role"/> unless null.</summary>
    public async Task<(IPage Page, IResponse? Response)> OpenAsync(
        TestApp app, string? role = "kancho", string locale = "en-US", string timeZone = "UTC", string query = "")
    {
        var context = await _browser.NewContextAsync(new()
        {
            Locale = locale,
            TimezoneId = timeZone,
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        if (role is not null)
        {
            await context.AddCookiesAsync([new Cookie
            {
                Name = "access_token_cookie",
                Value = TestApp.TokenFor(role, sub: "u-viewer", name: "Viewer"),
                Url = app.BaseAddress.ToString(),
                HttpOnly = true,
            }]);
        }

        await context.AddInitScriptAsync(WatchScript);
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            Dialogs++;
            await dialog.DismissAsync();
        };
        var response = await page.GotoAsync(new Uri(app.BaseAddress, PagePath + query).ToString());
        return (page, response);
    }

    public static async Task<string[]> ShownIdsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#operations > li')].map(li => li.dataset.id)");

    public static async Task<string[]> PolicyViolationsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__violations");

    public static Task ExpectLiveAsync(IPage page, float timeoutMs = 15_000) =>
        Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = timeoutMs });

    /// <summary>Records through the API as a real client would; returns the stored operation's id.</summary>
    public static async Task<string> RecordAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/recruits/operations", body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Saves a screenshot as a test artifact under artifacts/screenshots at the repository root.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ArtifactsDirectory(), name + ".png");
        await page.ScreenshotAsync(new() { Path = path });
        return path;
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RecruitOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RecruitOps.sln not found above the test output.");
    }

    private static string ArtifactsDirectory() =>
        Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "artifacts", "screenshots")).FullName;

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
