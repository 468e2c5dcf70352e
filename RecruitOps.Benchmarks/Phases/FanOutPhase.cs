using System.Diagnostics;
using RecruitOps.Benchmarks.App;
using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Benchmarks.Phases;

/// <summary>
/// Records operations on an open-loop schedule (operation k is sent at k / rate seconds, whether or not earlier ones
/// have answered) and waits until every held stream has had every one, or until deliveries stop coming. A second's
/// worth of operations goes first, untimed, so the first delivery path's JIT and pool growth (a whole operation's
/// worth of deliveries, 1% of them in a 100-operation run) do not become the p99.
/// </summary>
internal static class FanOutPhase
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(15);

    // The run must end by itself even when the app has fallen minutes behind: what has not arrived by then is missing.
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(3);

    public static async Task<FanOutResult> RunAsync(
        BenchmarkSettings settings, AppUnderTest app, SubscriberPool pool, DeliveryLedger ledger, TextWriter log,
        CancellationToken cancellationToken)
    {
        var held = pool.Subscribers.Where(subscriber => !subscriber.Ended).ToArray();
        using var writer = OperationBodies.Writer(app.BaseAddress, app.Token);
        var warmUp = WarmUpCount(settings.Rate);
        for (var k = 0; k < warmUp; k++)
        {
            var sentAt = DeliveryLedger.Now();
            var (id, status) = await OperationBodies.RecordAsync(writer, 900_000 + k, cancellationToken);
            ledger.Confirm(id ?? throw new InvalidOperationException($"A warm-up operation answered {status}."), sentAt, measured: false);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var planned = settings.OperationsPlanned;
        var failed = 0;
        var lagMax = 0.0;
        var sends = new List<Task>(planned);
        var answered = new System.Collections.Concurrent.ConcurrentQueue<long>();
        var separate = app.ProcessId is { } pid && pid != Environment.ProcessId;
        var appCpuBefore = separate ? ProcessCpu.Read(app.ProcessId) : null;
        var clientCpuBefore = ProcessCpu.Read(Environment.ProcessId);
        var deliveriesBefore = ledger.Deliveries;
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < planned; k++)
        {
            var due = TimeSpan.FromSeconds(k / settings.Rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            lagMax = Math.Max(lagMax, (clock.Elapsed - due).TotalMilliseconds);
            var sequence = k;
            sends.Add(Task.Run(async () =>
            {
                var sentAt = DeliveryLedger.Now();
                var (id, _) = await OperationBodies.RecordAsync(writer, sequence, cancellationToken);
                answered.Enqueue((long)Stopwatch.GetElapsedTime(sentAt).TotalMicroseconds);
                if (id is null)
                {
                    Interlocked.Increment(ref failed);
                    return;
                }

                ledger.Confirm(id, sentAt);
            }, cancellationToken));
        }

        // The rate offered, by the schedule; how long the answers then took is the record latency.
        var scheduleSeconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(sends);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        var recorded = planned - failed;
        log.WriteLine($"recorded {recorded} of {planned} operations in {sendSeconds:F1} s; waiting for deliveries");
        await WaitForDeliveriesAsync(ledger, (long)(recorded + warmUp) * held.Length, cancellationToken);

        var appCpu = separate ? ProcessCpu.Read(app.ProcessId) - appCpuBefore : null;
        // In-process, the client's CPU is the app's too: only a separate app tells them apart.
        var clientCpu = separate ? ProcessCpu.Read(Environment.ProcessId) - clientCpuBefore : null;
        var report = ledger.Summarize(held.Select(subscriber => subscriber.Index));
        return new FanOutResult(planned, recorded, failed, planned / scheduleSeconds, lagMax, held.Length,
            held.Count(subscriber => subscriber.Ended), report, LatencySummary.FromMicroseconds(answered), appCpu, clientCpu,
            ledger.Deliveries - deliveriesBefore);
    }

    public static int WarmUpCount(double rate) => (int)Math.Clamp(Math.Ceiling(rate), 1, 50);

    private static async Task WaitForDeliveriesAsync(DeliveryLedger ledger, long expected, CancellationToken cancellationToken)
    {
        var last = ledger.Deliveries;
        var quietSince = Stopwatch.StartNew();
        var waited = Stopwatch.StartNew();
        while (ledger.Deliveries < expected && quietSince.Elapsed < Quiet && waited.Elapsed < LongestWait)
        {
            await Task.Delay(100, cancellationToken);
            var now = ledger.Deliveries;
            if (now != last)
            {
                last = now;
                quietSince.Restart();
            }
        }

        // Duplicates would arrive just after the last expected delivery: give them a moment to show.
        await Task.Delay(500, cancellationToken);
    }
}
