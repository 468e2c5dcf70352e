namespace RecruitOps.Benchmarks.App;

/// <summary>An app this benchmark started: where it listens, whose memory to read, its log, and how to stop it.</summary>
internal sealed record StartedApp(Uri Url, int ProcessId, string? LogPath, Func<ValueTask> Stop);
