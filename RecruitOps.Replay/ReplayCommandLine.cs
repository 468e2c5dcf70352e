using System.Globalization;

namespace RecruitOps.Replay;

/// <summary>The command's arguments: <c>&lt;file.jsonl&gt; [--url URL] [--concurrency N]</c>.</summary>
internal sealed record ReplayCommandLine(string Path, Uri Url, int Concurrency)
{
    public const string Usage =
        "usage: dotnet run --project RecruitOps.Replay -- <file.jsonl> [--url http://127.0.0.1:7071] [--concurrency N]";

    public const int MaxConcurrency = 16;

    public static ReplayCommandLine? Parse(string[] args, out string? error)
    {
        string? path = null;
        var url = Environment.GetEnvironmentVariable("RECRUITOPS_URL") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "http://127.0.0.1:7071";
        var concurrency = 1;
        error = null;
        for (var i = 0; i < args.Length && error is null; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length:
                    url = args[++i];
                    break;
                case "--concurrency" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out concurrency) ||
                        concurrency is < 1 or > MaxConcurrency)
                    {
                        error = $"--concurrency must be a whole number from 1 to {MaxConcurrency}.";
                    }

                    break;
                case var arg when arg.StartsWith('-') || path is not null:
                    error = $"unexpected argument '{arg}'.";
                    break;
                default:
                    path = args[i];
                    break;
            }
        }

        if (error is null && path is null)
        {
            error = "give the JSONL file to replay.";
        }

        if (error is null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            error = $"--url must be an absolute http(s) URL, not '{url}'.";
        }

        return error is null ? new ReplayCommandLine(path!, new Uri(url), concurrency) : null;
    }
}
