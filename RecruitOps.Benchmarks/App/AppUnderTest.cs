using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecruitOps.Hosting;

namespace RecruitOps.Benchmarks.App;

/// <summary>
/// The app being measured: started as its own process (the honest way to read its memory), hosted in this process
/// (for the test suite), or already running at a URL. Started apps get a fresh table and a random signing key.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Func<ValueTask> _stop;
    private int _stopped;

    private AppUnderTest(Uri baseAddress, string token, int? processId, string? tableName, string storage, string? logPath, Func<ValueTask> stop)
    {
        BaseAddress = baseAddress;
        Token = token;
        ProcessId = processId;
        TableName = tableName;
        StorageConnectionString = storage;
        LogPath = logPath;
        _stop = stop;
    }

    public Uri BaseAddress { get; }

    /// <summary>A kancho bearer token: reads the stream and records operations.</summary>
    public string Token { get; }

    /// <summary>Whose memory to read; null when unknown, and this process when hosted in-process.</summary>
    public int? ProcessId { get; }

    /// <summary>The app's table when this benchmark started the app; null for a running app.</summary>
    public string? TableName { get; }

    public string StorageConnectionString { get; }

    public string? LogPath { get; }

    public static string DefaultStorage =>
        Environment.GetEnvironmentVariable("RECRUITOPS_TEST_STORAGE") is { Length: > 0 } value
            ? value
            : "UseDevelopmentStorage=true";

    public static async Task<AppUnderTest> StartAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var storage = settings.StorageConnectionString ?? DefaultStorage;
        if (settings.Url is { } url)
        {
            var token = settings.Token ?? BenchmarkTokens.Sign(settings.SigningKey!, TimeSpan.FromHours(2));
            return new AppUnderTest(url, token, settings.ProcessId, null, storage, null, () => ValueTask.CompletedTask);
        }

        var key = BenchmarkTokens.NewSigningKey();
        var table = "bench" + Guid.NewGuid().ToString("N")[..16];
        var values = AppSettings(settings, storage, table, key);
        var started = settings.InProcess
            ? await StartInProcessAsync(values, cancellationToken)
            : AppProcess.Start(settings.AppPath, values, table);
        var app = new AppUnderTest(started.Url, BenchmarkTokens.Sign(key, TimeSpan.FromHours(2)), started.ProcessId, table, storage,
            started.LogPath, started.Stop);
        await app.WaitUntilHealthyAsync(cancellationToken);
        return app;
    }

    private static Dictionary<string, string> AppSettings(BenchmarkSettings settings, string storage, string table, string key)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [RecruitOpsServices.StorageConnectionName] = storage,
            ["Operations:TableName"] = table,
            ["Auth:SigningKey"] = key,
            // The longest lifetime the app allows, so no stream ends (and resumes) in the middle of a measurement.
            ["Stream:LifetimeSeconds"] = "220",
            ["Logging:LogLevel:Default"] = "Warning",
            // The benchmark is one caller opening thousands of streams: it measures the app, not the per-caller
            // limiter. Measure with limits on by passing --app-setting RateLimit:Enabled=true.
            ["RateLimit:Enabled"] = "false",
        };
        foreach (var (name, value) in settings.AppSettings)
        {
            values[name] = value;
        }

        return values;
    }

    private static async Task<StartedApp> StartInProcessAsync(Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var app = StandaloneHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"],
            builder => builder.Configuration.AddInMemoryCollection(values!));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StartedApp(new Uri(address), Environment.ProcessId, null, async () =>
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        });
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (ProcessId is { } pid && pid != Environment.ProcessId && !IsRunning(pid))
            {
                break;
            }

            try
            {
                using var response = await client.GetAsync("api/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        await DisposeAsync();
        var tail = LogPath is not null && File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(20)) : "";
        throw new InvalidOperationException($"The app at {BaseAddress} did not become healthy within 60 s.\n{tail}");
    }

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _stop();
        }
    }

    /// <summary>Deletes the tables this run made (the app's, when it started the app, and the raw-insert table).</summary>
    public async Task DeleteTablesAsync(IEnumerable<string> tables)
    {
        var service = new TableServiceClient(StorageConnectionString);
        foreach (var table in tables)
        {
            await service.DeleteTableAsync(table, CancellationToken.None);
        }
    }
}
