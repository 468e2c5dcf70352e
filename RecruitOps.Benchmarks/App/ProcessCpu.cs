using System.Diagnostics;

namespace RecruitOps.Benchmarks.App;

/// <summary>CPU time (user + system) a process has used so far; what a delivery costs is the difference over a phase.</summary>
internal static class ProcessCpu
{
    public static TimeSpan? Read(int? processId)
    {
        if (processId is not { } pid)
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
