using System.Collections.Concurrent;
using RecruitOps.Benchmarks.App;
using RecruitOps.Benchmarks.Phases;
using RecruitOps.Benchmarks.Reporting;
using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Benchmarks;

/// <summary>
/// Runs the four measurements in order: hold the streams, fan operations out to them, close them and measure record
/// throughput, then resume a client from far back.
/// </summary>
internal static class BenchmarkRunner
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var fileLimit = FileDescriptors.SoftLimit();
        if (fileLimit is { } limit && settings.Subscribers + FileDescriptors.Headroom > limit)
        {
            throw new ArgumentException(
                $"--subscribers {settings.Subscribers} needs about {settings.Subscribers + FileDescriptors.Headroom} open files in this " +
                $"process and in the app, but the limit is {limit} (ulimit -n). Raise it (eng/bench.sh tries) or hold fewer.");
        }

        var startedAt = DateTimeOffset.UtcNow;
        await using var app = await AppUnderTest.StartAsync(settings, cancellationToken);
        log.WriteLine($"app at {app.BaseAddress} (pid {app.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}, table {app.TableName ?? "its own"})");
        var rawTable = "raw" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            var ledger = new DeliveryLedger(settings.Subscribers, settings.OperationsPlanned + FanOutPhase.WarmUpCount(settings.Rate) + 64);
            var connector = new LoopbackConnector(settings.SourceAddresses > 0
                ? settings.SourceAddresses
                : LoopbackConnector.AddressesFor(settings.Subscribers));
            HeldSubscribersResult held;
            FanOutResult fanOut;
            await using (var pool = new SubscriberPool(app.BaseAddress, app.Token, ledger, connector))
            {
                held = await HeldSubscribersPhase.RunAsync(settings, app, pool, log, cancellationToken);
                fanOut = await FanOutPhase.RunAsync(settings, app, pool, ledger, log, cancellationToken);
            }

            var recordedIds = new ConcurrentBag<string>();
            var throughput = await ThroughputPhase.RunAsync(settings, app, recordedIds, rawTable, log, cancellationToken);
            var resume = await ResumePhase.RunAsync(settings, app, recordedIds, log, cancellationToken);
            return new BenchmarkReport(startedAt, $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", fileLimit,
                held, fanOut, throughput, resume);
        }
        finally
        {
            var tables = settings.KeepTable || app.TableName is null ? [rawTable] : new[] { rawTable, app.TableName };
            await app.DisposeAsync();
            await app.DeleteTablesAsync(tables);
        }
    }
}
