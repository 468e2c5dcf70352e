using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RecruitOps.Benchmarks.App;

namespace RecruitOps.Benchmarks.Phases;

/// <summary>
/// Closed-loop writers: each sends its next request when the last one answered. The API, single inserts and the
/// API's storage work done directly take turns in short rounds, because the storage emulator is shared and its
/// speed drifts: interleaving lets drift hit all three alike instead of whichever ran last.
/// </summary>
internal static class ThroughputPhase
{
    private const int Rounds = 3;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task<ThroughputResult> RunAsync(
        BenchmarkSettings settings, AppUnderTest app, ConcurrentBag<string> recordedIds, string rawTable, TextWriter log,
        CancellationToken cancellationToken)
    {
        var round = TimeSpan.FromSeconds(settings.ThroughputSeconds / Rounds);
        using var writer = OperationBodies.Writer(app.BaseAddress, app.Token);
        var table = new TableClient(app.StorageConnectionString, rawTable);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var payload = JsonSerializer.Serialize(OperationBodies.For(2));
        long sequence = 1_000_000;
        long row = 0;
        long failures = 0;

        async Task<bool> RecordOne(CancellationToken token)
        {
            var (id, _) = await OperationBodies.RecordAsync(writer, Interlocked.Increment(ref sequence), token);
            if (id is null)
            {
                Interlocked.Increment(ref failures);
                return false;
            }

            recordedIds.Add(id);
            return true;
        }

        async Task<bool> InsertOne(CancellationToken token)
        {
            var entity = new TableEntity("bench", Interlocked.Increment(ref row).ToString("D12", null)) { ["Json"] = payload, ["Action"] = "created" };
            await table.AddEntityAsync(entity, token);
            return true;
        }

        // What one recorded operation does to storage (TableOperationStore.RecordAsync, OperationRecorder): a
        // 3-entity batch in one partition, then deleting the outbox mark.
        async Task<bool> SameStorageWorkOnce(CancellationToken token)
        {
            var id = Interlocked.Increment(ref row).ToString("D12", null);
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.Add, new TableEntity("ops", "t" + id) { ["Json"] = payload }),
                new(TableTransactionActionType.Add, new TableEntity("ops", "r" + id) { ["Json"] = payload }),
                new(TableTransactionActionType.Add, new TableEntity("ops", "o" + id)),
            ];
            await table.SubmitTransactionAsync(batch, token);
            await table.DeleteEntityAsync("ops", "o" + id, ETag.All, token);
            return true;
        }

        // JIT and connection pools warm up outside the measured rounds.
        await RunLoopsAsync(settings.Writers, WarmUp, RecordOne, cancellationToken);
        await RunLoopsAsync(settings.Writers, WarmUp, InsertOne, cancellationToken);
        await RunLoopsAsync(settings.Writers, WarmUp, SameStorageWorkOnce, cancellationToken);
        failures = 0;

        long api = 0, raw = 0, same = 0;
        var appCpu = TimeSpan.Zero;
        var separate = app.ProcessId is { } pid && pid != Environment.ProcessId;
        for (var i = 0; i < Rounds; i++)
        {
            var before = separate ? ProcessCpu.Read(app.ProcessId) : null;
            api += await RunLoopsAsync(settings.Writers, round, RecordOne, cancellationToken);
            appCpu += (separate ? ProcessCpu.Read(app.ProcessId) - before : null) ?? TimeSpan.Zero;
            raw += await RunLoopsAsync(settings.Writers, round, InsertOne, cancellationToken);
            same += await RunLoopsAsync(settings.Writers, round, SameStorageWorkOnce, cancellationToken);
        }

        var seconds = round.TotalSeconds * Rounds;
        log.WriteLine($"{settings.Writers} writers, {seconds:F0} s each: API {api} operations ({failures} failed), " +
            $"{raw} single inserts, {same} operation-shaped batches + deletes");
        return new ThroughputResult(settings.Writers, seconds, api, failures, api / seconds, raw, raw / seconds, same / seconds,
            separate && api > 0 ? appCpu.TotalMicroseconds / api : null);
    }

    /// <summary>Runs <paramref name="writers"/> loops for <paramref name="length"/>; counts the successes that finished in it.</summary>
    private static async Task<long> RunLoopsAsync(
        int writers, TimeSpan length, Func<CancellationToken, Task<bool>> once, CancellationToken cancellationToken)
    {
        long counted = 0;
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < length)
            {
                if (await once(cancellationToken) && clock.Elapsed < length)
                {
                    Interlocked.Increment(ref counted);
                }
            }
        }, cancellationToken));
        await Task.WhenAll(loops);
        return counted;
    }
}
