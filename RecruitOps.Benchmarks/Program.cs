using System.Text.Json;
using RecruitOps.Benchmarks;
using RecruitOps.Benchmarks.Reporting;

// The benchmark: see docs/benchmark.md. Exit codes: 0 ran (targets may be missed, the table says), 1 a delivery was
// missing, duplicated or out of order, 2 bad arguments or a limit that makes the run impossible, 130 Ctrl-C.
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchmarkSettings.Usage);
    return 0;
}

BenchmarkSettings settings;
try
{
    settings = BenchmarkSettings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var report = await BenchmarkRunner.RunAsync(settings, Console.Out, cancel.Token);
    Console.WriteLine();
    ReportPrinter.Print(report, Console.Out);
    if (settings.JsonPath is { } path)
    {
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
    }

    return report.DeliveredExactlyOnce ? 0 : 1;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    // Ctrl-C: the app this run started has been stopped and its tables deleted on the way out.
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
