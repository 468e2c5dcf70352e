using System.ComponentModel.DataAnnotations;

namespace RecruitOps.Streaming;

/// <summary>Live stream settings. Azure cuts any HTTP response at 230 s, so streams end well before that.</summary>
public sealed class StreamOptions
{
    public const string SectionName = "Stream";

    /// <summary>Seconds between <c>: keep-alive</c> comments when nothing else was sent.</summary>
    [Range(1, 120)]
    public int HeartbeatSeconds { get; set; } = 30;

    /// <summary>Seconds after which the server ends a stream cleanly so the client resumes (below 230).</summary>
    [Range(5, 220)]
    public int LifetimeSeconds { get; set; } = 200;

    /// <summary>The <c>retry:</c> the browser waits before reconnecting on its own, in milliseconds.</summary>
    [Range(500, 60_000)]
    public int RetryMilliseconds { get; set; } = 3_000;

    /// <summary>Events queued for one subscriber before its stream is closed for falling behind.</summary>
    [Range(16, 100_000)]
    public int BacklogCapacity { get; set; } = 1_000;

    /// <summary>The most operations replayed to a resuming client; further back it gets <c>resync</c>.</summary>
    [Range(1, 100_000)]
    public int ReplayLimit { get; set; } = 5_000;
}
