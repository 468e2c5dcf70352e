using System.Collections.Concurrent;
using System.Diagnostics;
using RecruitOps.Benchmarks.App;
using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Benchmarks.Phases;

/// <summary>Resumes from an id <c>N</c> operations back, as a browser does after a dropped connection.</summary>
internal static class ResumePhase
{
    public static async Task<ResumeResult> RunAsync(
        BenchmarkSettings settings, AppUnderTest app, ConcurrentBag<string> recordedIds, TextWriter log, CancellationToken cancellationToken)
    {
        using var client = OperationBodies.Writer(app.BaseAddress, app.Token);
        var missed = settings.ReplayCount;
        await TopUpAsync(client, recordedIds, missed + 1, cancellationToken);

        // Ids sort in record order, and nothing else records now: the newest N ids are exactly what a client
        // resuming from the (N+1)th newest has missed.
        var ids = recordedIds.Order(StringComparer.Ordinal).ToArray();
        var resumeFrom = ids[^(missed + 1)];
        var expected = ids[^missed..];
        var warmUp = await ResumeOnceAsync(client, resumeFrom, expected, cancellationToken);
        var times = new List<double>();
        var incorrect = warmUp.Correct ? 0 : 1;
        var resent = warmUp.Resent;
        for (var i = 0; i < settings.ReplayRepeats; i++)
        {
            var (milliseconds, correct, again) = await ResumeOnceAsync(client, resumeFrom, expected, cancellationToken);
            times.Add(milliseconds);
            incorrect += correct ? 0 : 1;
            resent = Math.Max(resent, again);
        }

        log.WriteLine($"resume of {missed}: warm-up {warmUp.Milliseconds:F0} ms, then {string.Join(", ", times.Select(t => t.ToString("F0", null)))} ms");
        return new ResumeResult(missed, warmUp.Milliseconds, times, incorrect, resent);
    }

    private static async Task TopUpAsync(HttpClient client, ConcurrentBag<string> recordedIds, int needed, CancellationToken cancellationToken)
    {
        var sequence = 2_000_000L;
        while (recordedIds.Count < needed)
        {
            var batch = Enumerable.Range(0, Math.Min(16, needed - recordedIds.Count))
                .Select(_ => OperationBodies.RecordAsync(client, Interlocked.Increment(ref sequence), cancellationToken));
            foreach (var (id, status) in await Task.WhenAll(batch))
            {
                recordedIds.Add(id ?? throw new InvalidOperationException($"Recording an operation answered {status}."));
            }
        }
    }

    /// <summary>
    /// Done when every missed operation has arrived. The replay may also re-send a few operations from just before
    /// the resume point (the app's clock-skew lookback, docs/streaming.md); a client drops those by id, so they are
    /// counted, not failed. Correct means the operations after the resume point are exactly the missed ones, in order.
    /// </summary>
    private static async Task<(double Milliseconds, bool Correct, int Resent)> ResumeOnceAsync(
        HttpClient client, string resumeFrom, string[] expected, CancellationToken cancellationToken)
    {
        var after = new List<string>(expected.Length);
        var resent = 0;
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = Stopwatch.GetTimestamp();
        await using var stream = await StreamSubscriber.OpenAsync(client, 0, null, resumeFrom, cancellationToken, (_, id, arrivedAt) =>
        {
            if (string.CompareOrdinal(id, resumeFrom) <= 0)
            {
                resent++;
                return;
            }

            after.Add(id);
            if (after.Count == expected.Length)
            {
                done.TrySetResult(arrivedAt);
            }
        });
        var end = await done.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var milliseconds = Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
        return (milliseconds, after.SequenceEqual(expected, StringComparer.Ordinal), resent);
    }
}
