using System.Globalization;
using RecruitOps.Benchmarks.Phases;

namespace RecruitOps.Benchmarks.Reporting;

/// <summary>Prints the results as a Markdown table of target against measured, ready to paste into docs/benchmark.md.</summary>
internal static class ReportPrinter
{
    public const int SubscriberTarget = 50_000;
    public const double BytesPerSubscriberTarget = 10 * 1024;
    public const double P99TargetMilliseconds = 250;
    public const double ThroughputRatioTarget = 0.8;
    public const double ReplayTargetMilliseconds = 300;

    public static void Print(BenchmarkReport report, TextWriter output)
    {
        var held = report.Held;
        var fan = report.FanOut;
        var latency = fan.Deliveries.Latency;
        var put = report.Throughput;
        var resume = report.Resume;
        output.WriteLine($"RecruitOps benchmark, {report.StartedAt:yyyy-MM-dd HH:mm} UTC, {report.Machine}, open-file limit {report.FileLimit?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");
        output.WriteLine();
        output.WriteLine("| measure | target | measured | met |");
        output.WriteLine("|---|---|---|---|");
        Row(output, "subscribers held", $"{SubscriberTarget:N0}", $"{held.Held:N0} of {held.Requested:N0} ({held.Failed} failed)", held.Held >= SubscriberTarget);
        Row(output, "time to connect them", "-", $"{held.ConnectSeconds:F1} s ({held.ConnectsPerSecond:N0}/s)", null);
        Row(output, "app resident per idle subscriber", "≤ 10 KiB", Bytes(held.AppBytesPerSubscriber),
            held.AppBytesPerSubscriber is { } perSubscriber ? perSubscriber <= BytesPerSubscriberTarget : null);
        Row(output, "app resident at 0 / half / all", "-", $"{MiB(held.AppRssEmpty)} / {MiB(held.AppRssHalf)} / {MiB(held.AppRssFull)}", null);
        Row(output, "client resident per subscriber", "-", Bytes(held.ClientBytesPerSubscriber), null);
        Row(output, $"delivery p50 / p99 / max ({fan.SubscribersAtStart:N0} subscribers, {fan.OfferedRate:F1} ops/s offered)", "p99 < 250 ms",
            $"{latency.P50Milliseconds:F1} / {latency.P99Milliseconds:F1} / {latency.MaxMilliseconds:F1} ms", latency.P99Milliseconds < P99TargetMilliseconds);
        Row(output, "per operation: first delivery p50 / p99, first-to-last spread p50 / p99", "-",
            $"{fan.Deliveries.FirstDelivery.P50Milliseconds:F1} / {fan.Deliveries.FirstDelivery.P99Milliseconds:F1} ms, " +
            $"{fan.Deliveries.Spread.P50Milliseconds:F1} / {fan.Deliveries.Spread.P99Milliseconds:F1} ms", null);
        Row(output, "deliveries missing / duplicated", "0 / 0",
            $"{fan.Deliveries.Missing:N0} / {fan.Deliveries.Duplicates:N0} of {fan.Deliveries.Expected:N0} ({fan.Deliveries.Operations} ops incl. warm-up, " +
            $"{fan.SubscribersEnded} streams ended; {fan.Deliveries.Unconfirmed} ops delivered whose POST failed, {fan.Deliveries.Unexpected:N0} unexpected)",
            fan.Deliveries.Missing == 0 && fan.Deliveries.Duplicates == 0);
        Row(output, "POST answered p50 / p99 during fan-out", "-",
            $"{fan.RecordLatency.P50Milliseconds:F1} / {fan.RecordLatency.P99Milliseconds:F1} ms ({fan.Failed} failed)", null);
        Row(output, "CPU per delivery, app / client", "-",
            $"{Micros(fan.AppMicrosecondsPerDelivery)} / {Micros(fan.ClientMicrosecondsPerDelivery)}", null);
        Row(output, $"record throughput, {put.Writers} writers", "≥ 80% of raw", $"{put.ApiPerSecond:N0} ops/s vs {put.RawPerSecond:N0} inserts/s = {put.Ratio:P0}",
            put.Ratio >= ThroughputRatioTarget);
        Row(output, "record throughput vs the same storage work done directly", "-",
            $"{put.ApiPerSecond:N0} ops/s vs {put.SameStoragePerSecond:N0} batch+delete/s = {put.SameStorageRatio:P0}; " +
            $"app CPU {Micros(put.AppCpuMicrosecondsPerOperation)} per operation", null);
        Row(output, $"replay {resume.Missed:N0} missed operations", "< 300 ms",
            $"median {resume.MedianMilliseconds:F0} ms, max {resume.MaxMilliseconds:F0} ms (first {resume.WarmUpMilliseconds:F0} ms; " +
            $"up to {resume.Resent} earlier ones re-sent){(resume.Incorrect > 0 ? $", {resume.Incorrect} WRONG" : "")}",
            resume.MedianMilliseconds < ReplayTargetMilliseconds);
    }

    private static void Row(TextWriter output, string measure, string target, string measured, bool? met) =>
        output.WriteLine($"| {measure} | {target} | {measured} | {met switch { true => "yes", false => "**no**", null => "" }} |");

    private static string Micros(double? value) => value is { } micros ? $"{micros:F1} µs" : "n/a";

    private static string Bytes(double? bytes) => bytes is { } value ? $"{value / 1024:F1} KiB" : "n/a";

    private static string MiB(long? bytes) => bytes is { } value ? $"{value / 1048576.0:F0} MiB" : "n/a";
}
