using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RecruitOps.Benchmarks.App;

/// <summary>
/// Starts the app as its own process on a free loopback port, settings as environment variables (<c>:</c> becomes
/// <c>__</c>), output to a log file in the temp folder. Its own process, so its resident memory is its alone.
/// </summary>
internal static class AppProcess
{
    public static StartedApp Start(string? appPath, IReadOnlyDictionary<string, string> values, string table)
    {
        var dll = Path.GetFullPath(appPath ?? Path.Combine(AppContext.BaseDirectory, "RecruitOps.Functions.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The app was not found at {dll}; build it or pass --app.", dll);
        }

        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--standalone", "--urls", url.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in values)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var logPath = Path.Combine(Path.GetTempPath(), $"recruitops-{table}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, line) => Append(log, line.Data);
        process.ErrorDataReceived += (_, line) => Append(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new StartedApp(url, process.Id, logPath, async () =>
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
            lock (log)
            {
                log.Dispose();
            }
        });
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
