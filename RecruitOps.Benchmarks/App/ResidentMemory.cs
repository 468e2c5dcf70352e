using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace RecruitOps.Benchmarks.App;

/// <summary>A process's resident memory (VmRSS), read after a full garbage collection so the numbers compare.</summary>
internal static class ResidentMemory
{
    // The runtime provider's GCHeapCollect keyword: enabling it makes the target run a blocking gen2 collection
    // (how dotnet-gcdump takes its snapshot), without the heap walk a dump would add.
    private const long GcHeapCollectKeyword = 0x800000;

    public static long? ReadBytes(int processId)
    {
        var path = $"/proc/{processId}/status";
        return File.Exists(path) ? ParseVmRss(File.ReadAllText(path)) : null;
    }

    /// <summary>The <c>VmRSS:  123456 kB</c> line of <c>/proc/&lt;pid&gt;/status</c>, in bytes.</summary>
    public static long? ParseVmRss(string status)
    {
        foreach (var line in status.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith("VmRSS:"))
            {
                continue;
            }

            var value = line["VmRSS:".Length..].Trim();
            var space = value.IndexOf(' ');
            var number = space < 0 ? value : value[..space];
            return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib * 1024 : null;
        }

        return null;
    }

    /// <summary>Forces a full collection in <paramref name="processId"/> (or in this process), waits, then reads VmRSS.</summary>
    public static async Task<long?> SettleAndReadAsync(int processId, TimeSpan settle, CancellationToken cancellationToken)
    {
        if (processId == Environment.ProcessId)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        else
        {
            await InduceCollectionAsync(processId, cancellationToken);
        }

        await Task.Delay(settle, cancellationToken);
        return ReadBytes(processId);
    }

    /// <summary>
    /// Best effort: an app started with diagnostics off (<c>DOTNET_EnableDiagnostics=0</c>) or not answering within
    /// 15 s is read without the collection, which can only make its numbers higher, never hide a cost.
    /// </summary>
    private static async Task InduceCollectionAsync(int processId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            var client = new DiagnosticsClient(processId);
            EventPipeProvider[] providers = [new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword)];
            using var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false, circularBufferMB: 16, timeout.Token);
            var drain = session.EventStream.CopyToAsync(Stream.Null, timeout.Token);
            await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
            await session.StopAsync(timeout.Token);
            await drain;
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or UnsupportedCommandException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Read as is.
        }
    }
}
