using System.Globalization;

namespace RecruitOps.Benchmarks.App;

/// <summary>The open-file limit, which bounds held streams: each one is a socket in the client and one in the app.</summary>
internal static class FileDescriptors
{
    /// <summary>Files the runtime, the thread pool, storage clients and logs need besides the streams.</summary>
    public const int Headroom = 400;

    /// <summary>This process's soft limit (the runtime raises it to the hard limit at start; children inherit it).</summary>
    public static long? SoftLimit()
    {
        const string path = "/proc/self/limits";
        return File.Exists(path) ? ParseSoftLimit(File.ReadAllText(path)) : null;
    }

    public static long? ParseSoftLimit(string limits)
    {
        foreach (var line in limits.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith("Max open files"))
            {
                continue;
            }

            var rest = line["Max open files".Length..].TrimStart();
            var end = rest.IndexOf(' ');
            var soft = end < 0 ? rest : rest[..end];
            return soft.SequenceEqual("unlimited") ? long.MaxValue
                : long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        }

        return null;
    }
}
