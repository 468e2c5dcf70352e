using System.Globalization;

namespace RecruitOps.Benchmarks;

/// <summary>What to run and at what size. Parsed from the command line; defaults are the sizes.</summary>
internal sealed record BenchmarkSettings
{
    /// <summary>A running app to target instead of starting one; then <see cref="SigningKey"/> or <see cref="Token"/> is needed.</summary>
    public Uri? Url { get; init; }

    /// <summary>The app's process id when <see cref="Url"/> is given, so its resident memory can still be read.</summary>
    public int? ProcessId { get; init; }

    public string? SigningKey { get; init; }

    public string? Token { get; init; }

    /// <summary>Host the app inside the benchmark process (the test suite does; memory numbers are then meaningless).</summary>
    public bool InProcess { get; init; }

    public string? AppPath { get; init; }

    public string? StorageConnectionString { get; init; }

    public int Subscribers { get; init; } = 10_000;

    public double Rate { get; init; } = 20;

    public double DurationSeconds { get; init; } = 30;

    public int Writers { get; init; } = 8;

    public double ThroughputSeconds { get; init; } = 10;

    public int ReplayCount { get; init; } = 1_000;

    public int ReplayRepeats { get; init; } = 5;

    /// <summary>Streams opened at once while connecting subscribers.</summary>
    public int ConnectConcurrency { get; init; } = 64;

    /// <summary>Loopback source addresses (127.0.0.1 .. 127.0.0.N) to spread client ports over; 0 picks enough for N.</summary>
    public int SourceAddresses { get; init; }

    public double SettleSeconds { get; init; } = 3;

    public bool KeepTable { get; init; }

    public string? JsonPath { get; init; }

    /// <summary>Extra app settings (<c>Key=Value</c>, <c>:</c> as in appsettings) passed to the started app.</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init; } = new Dictionary<string, string>();

    public int OperationsPlanned => (int)Math.Ceiling(Rate * DurationSeconds);

    public const string Usage = """
        Usage: dotnet run -c Release --project RecruitOps.Benchmarks -- [options]
          --subscribers N        streams held open (default 10000)
          --rate R               operations per second during the fan-out run (default 20)
          --duration S           seconds of the fan-out run (default 30)
          --writers W            concurrent writers for the throughput run (default 8)
          --throughput-seconds S length of each throughput run, API and raw (default 10)
          --replay N             operations a resuming client misses (default 1000)
          --replay-repeats K     resumes measured (default 5)
          --connect-concurrency C streams opened at once (default 64)
          --source-addresses K   127.0.0.x source addresses to use (default: enough for N)
          --settle S             seconds to wait after a forced GC before reading memory (default 3)
          --app-setting K=V      extra app setting for the started app (repeatable), e.g. Stream:HeartbeatSeconds=30
          --app PATH             RecruitOps.Functions.dll to start (default: the one next to the benchmark)
          --storage CS           storage connection string (default: $RECRUITOPS_TEST_STORAGE or Azurite's)
          --url URL              target a running app instead (with --signing-key or --token; --pid for memory)
          --in-process           host the app inside this process (no memory numbers)
          --keep-table           keep the benchmark's table afterwards
          --json PATH            also write the results as JSON
        """;

    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchmarkSettings();
        var appSettings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            settings = name switch
            {
                "--url" => settings with { Url = ParseUrl(name, Value()) },
                "--pid" => settings with { ProcessId = ParseInt(name, Value(), 1) },
                "--signing-key" => settings with { SigningKey = Value() },
                "--token" => settings with { Token = Value() },
                "--in-process" => settings with { InProcess = true },
                "--app" => settings with { AppPath = Value() },
                "--storage" => settings with { StorageConnectionString = Value() },
                "--subscribers" => settings with { Subscribers = ParseInt(name, Value(), 1) },
                "--rate" => settings with { Rate = ParseDouble(name, Value()) },
                "--duration" => settings with { DurationSeconds = ParseDouble(name, Value()) },
                "--writers" => settings with { Writers = ParseInt(name, Value(), 1) },
                "--throughput-seconds" => settings with { ThroughputSeconds = ParseDouble(name, Value()) },
                "--replay" => settings with { ReplayCount = ParseInt(name, Value(), 1) },
                "--replay-repeats" => settings with { ReplayRepeats = ParseInt(name, Value(), 1) },
                "--connect-concurrency" => settings with { ConnectConcurrency = ParseInt(name, Value(), 1) },
                "--source-addresses" => settings with { SourceAddresses = ParseInt(name, Value(), 1) },
                "--settle" => settings with { SettleSeconds = ParseDouble(name, Value()) },
                "--keep-table" => settings with { KeepTable = true },
                "--json" => settings with { JsonPath = Value() },
                "--app-setting" => AddAppSetting(settings, appSettings, Value()),
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        if (settings.Url is not null && settings.SigningKey is null && settings.Token is null)
        {
            throw new ArgumentException("--url needs --signing-key or --token (a kancho token) to sign in.");
        }

        return settings with { AppSettings = appSettings };
    }

    private static BenchmarkSettings AddAppSetting(BenchmarkSettings settings, Dictionary<string, string> appSettings, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--app-setting takes Key=Value, not '{pair}'.");
        }

        appSettings[pair[..equals]] = pair[(equals + 1)..];
        return settings;
    }

    private static Uri ParseUrl(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"{name} must be an absolute http(s) URL.");

    private static int ParseInt(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new ArgumentException($"{name} must be a whole number of at least {minimum}.");

    private static double ParseDouble(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"{name} must be a positive number.");
}
