using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Operations;

/// <summary>
/// 2,500 operations over seven recruits, recorded once for all paging tests. They go straight through
/// <see cref="OperationRecorder"/> (the same store transaction and publish the POST endpoint runs, minus HTTP
/// validation) in parallel, which keeps the set-up to seconds instead of 2,500 sequential requests.
/// </summary>
public sealed class PagingFixture : IAsyncLifetime
{
    public const int Count = 2_500;
    public static readonly string[] Recruits = ["R0", "R1", "R2", "R3", "R4", "R5", "R6"];

    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Reader { get; private set; } = null!;

    /// <summary>Every recorded operation, newest first: the order every listing must return.</summary>
    public IReadOnlyList<Operation> NewestFirst { get; private set; } = [];

    public TimeSpan RecordingTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // Paging sweeps send thousands of reads from one caller; the per-caller rate limit is tested elsewhere.
        _app = await TestApp.StartAsync(new Dictionary<string, string?> { ["RateLimit:Enabled"] = "false" });
        Reader = _app.ClientFor("kancho");
        var recorder = _app.Services.GetRequiredService<OperationRecorder>();
        var actor = new Actor("u-1004", "李 明", "recruiter");
        var recorded = new Operation[Count];
        var clock = Stopwatch.StartNew();

        await Parallel.ForAsync(0, Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            var draft = new OperationDraft(
                Recruits[i % Recruits.Length], $"候補者 {i}", OperationActions.Updated, null,
                [new OperationChange("sequence", JsonSerializer.SerializeToElement(i), JsonSerializer.SerializeToElement(i + 1))],
                $"note {i}", null);
            var result = await recorder.RecordAsync(draft, actor, cancellationToken);
            recorded[i] = result.Operation!;
        });

        RecordingTime = clock.Elapsed;
        NewestFirst = recorded.OrderByDescending(operation => operation.Id, StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Reader?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
