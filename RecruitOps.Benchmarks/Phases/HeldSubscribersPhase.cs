using RecruitOps.Benchmarks.App;
using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Benchmarks.Phases;

/// <summary>Opens the streams in two halves and reads both processes' memory before, between and after.</summary>
internal static class HeldSubscribersPhase
{
    public static async Task<HeldSubscribersResult> RunAsync(
        BenchmarkSettings settings, AppUnderTest app, SubscriberPool pool, TextWriter log, CancellationToken cancellationToken)
    {
        var settle = TimeSpan.FromSeconds(settings.SettleSeconds);
        var separate = app.ProcessId is { } pid && pid != Environment.ProcessId;
        var empty = await AppMemoryAsync(app, settle, cancellationToken);
        log.WriteLine($"app resident with no subscribers: {Format(empty)}");

        var half = settings.Subscribers / 2;
        var (firstElapsed, firstFailed) = await pool.OpenAsync(half, settings.ConnectConcurrency, cancellationToken);
        log.WriteLine($"held {pool.Held} streams after {firstElapsed.TotalSeconds:F1} s");
        var appHalf = await AppMemoryAsync(app, settle, cancellationToken);
        var clientHalf = separate ? await ResidentMemory.SettleAndReadAsync(Environment.ProcessId, settle, cancellationToken) : null;
        var halfHeld = pool.Held;
        log.WriteLine($"app resident at {halfHeld}: {Format(appHalf)}; client {Format(clientHalf)}");

        var (secondElapsed, secondFailed) = await pool.OpenAsync(settings.Subscribers - half, settings.ConnectConcurrency, cancellationToken);
        log.WriteLine($"held {pool.Held} streams after {secondElapsed.TotalSeconds:F1} s more");
        var appFull = await AppMemoryAsync(app, settle, cancellationToken);
        var clientFull = separate ? await ResidentMemory.SettleAndReadAsync(Environment.ProcessId, settle, cancellationToken) : null;
        log.WriteLine($"app resident at {pool.Held}: {Format(appFull)}; client {Format(clientFull)}");
        foreach (var error in pool.Errors.Take(5))
        {
            log.WriteLine($"  connect error: {error}");
        }

        return new HeldSubscribersResult(settings.Subscribers, pool.Held, firstFailed + secondFailed,
            (firstElapsed + secondElapsed).TotalSeconds, empty, appHalf, appFull, halfHeld, clientHalf, clientFull);
    }

    /// <summary>Null when the app's memory cannot be told apart: unknown process, or hosted in this one.</summary>
    private static async Task<long?> AppMemoryAsync(AppUnderTest app, TimeSpan settle, CancellationToken cancellationToken) =>
        app.ProcessId is { } pid && pid != Environment.ProcessId
            ? await ResidentMemory.SettleAndReadAsync(pid, settle, cancellationToken)
            : null;

    private static string Format(long? bytes) => bytes is { } value ? $"{value / 1048576.0:F1} MiB" : "n/a";
}
