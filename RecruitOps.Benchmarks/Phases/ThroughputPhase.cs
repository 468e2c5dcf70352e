using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using RecruitOps.Benchmarks.App;

namespace RecruitOps.Benchmarks.Phases;

/// <summary>Closed-loop writers: each sends its next request when the last one answered, for a fixed time.</summary>
internal static class ThroughputPhase
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task<ThroughputResult> RunAsync(
        BenchmarkSettings settings, AppUnderTest app, ConcurrentBag<string> recordedIds, string rawTable, TextWriter log,
        CancellationToken cancellationToken)
    {
        var length = TimeSpan.FromSeconds(settings.ThroughputSeconds);
        using var writer = OperationBodies.Writer(app.BaseAddress, app.Token);
        long sequence = 1_000_000;
        long failures = 0;
        var api = await RunLoopsAsync(settings.Writers, length, async token =>
        {
            var (id, _) = await OperationBodies.RecordAsync(writer, Interlocked.Increment(ref sequence), token);
            if (id is null)
            {
                Interlocked.Increment(ref failures);
                return false;
            }

            recordedIds.Add(id);
            return true;
        }, cancellationToken);
        log.WriteLine($"API: {api.Count} operations in {api.Seconds:F1} s with {settings.Writers} writers");

        var table = new TableClient(app.StorageConnectionString, rawTable);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var payload = JsonSerializer.Serialize(OperationBodies.For(2));
        long row = 0;
        var raw = await RunLoopsAsync(settings.Writers, length, async token =>
        {
            var entity = new TableEntity("bench", Interlocked.Increment(ref row).ToString("D12", null)) { ["Json"] = payload, ["Action"] = "created" };
            await table.AddEntityAsync(entity, token);
            return true;
        }, cancellationToken);
        log.WriteLine($"raw: {raw.Count} single-entity inserts in {raw.Seconds:F1} s with {settings.Writers} writers");

        return new ThroughputResult(settings.Writers, length.TotalSeconds, api.Count, failures, api.Count / api.Seconds,
            raw.Count, raw.Count / raw.Seconds);
    }

    /// <summary>Runs <paramref name="writers"/> loops; counts successes after a warm-up, for <paramref name="length"/>.</summary>
    private static async Task<(long Count, double Seconds)> RunLoopsAsync(
        int writers, TimeSpan length, Func<CancellationToken, Task<bool>> once, CancellationToken cancellationToken)
    {
        long counted = 0;
        var clock = Stopwatch.StartNew();
        var end = WarmUp + length;
        var loops = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < end)
            {
                if (await once(cancellationToken) && clock.Elapsed >= WarmUp && clock.Elapsed < end)
                {
                    Interlocked.Increment(ref counted);
                }
            }
        }, cancellationToken));
        await Task.WhenAll(loops);
        return (counted, length.TotalSeconds);
    }
}
