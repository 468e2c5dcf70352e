using System.Diagnostics;
using System.Text;

namespace RecruitOps.Tests.Infra;

/// <summary>What one run of eng/bicep.sh (build and lint with the pinned CLI) printed and returned.</summary>
internal sealed record BicepCheck(int ExitCode, string Output, string OutputDirectory)
{
    public static async Task<BicepCheck> RunAsync(
        string outputDirectory, string? infraDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("eng", "bicep.sh")])
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BICEP_OUT"] = outputDirectory;
        if (infraDirectory is not null)
        {
            start.Environment["BICEP_INFRA"] = infraDirectory;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        // A first run restores the CLI from NuGet; on a busy 2-core machine that and four compilations take a while.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(stdout, stderr);
        return new BicepCheck(process.ExitCode, output.ToString(), outputDirectory);
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }
}
