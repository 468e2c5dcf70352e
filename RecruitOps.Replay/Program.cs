using RecruitOps.Replay;

// Exit codes: 0 every line is recorded (now or before), 1 some line was rejected or failed, 2 the replay could not
// start or stopped early (bad arguments, missing file, no app at the URL, local sign-in off, Ctrl-C).
var commandLine = ReplayCommandLine.Parse(args, out var error);
if (commandLine is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(ReplayCommandLine.Usage);
    return 2;
}

if (!File.Exists(commandLine.Path))
{
    Console.Error.WriteLine($"error: no such file: {Path.GetFullPath(commandLine.Path)}");
    return 2;
}

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops sending and still prints the summary; a second one ends the process.
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};

Console.Error.WriteLine($"Replaying {commandLine.Path} into {commandLine.Url} ({commandLine.Concurrency} at a time)");
var progress = new ConsoleProgress(Console.Error, interactive: !Console.IsErrorRedirected);
using var runner = new ReplayRunner(commandLine.Url);
var summary = await runner.RunAsync(commandLine.Path, commandLine.Concurrency, progress, interrupt.Token);
progress.Complete();
SummaryWriter.Write(Console.Out, summary);
return summary.StoppedBecause is not null ? 2 : summary.Succeeded ? 0 : 1;
