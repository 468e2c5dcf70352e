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

    /// <summary>
    /// How far before the resume point's id time a replay looks for operations that committed after it (an instance
    /// whose clock lags, or a slow write). Clock skew between instances must stay below this.
    /// </summary>
    [Range(0, 300)]
    public int ReplayLookbackSeconds { get; set; } = 10;

    /// <summary>
    /// Within the lookback, operations that committed up to this long before the resume point's own row are replayed
    /// too: they may have been published after the client saw the resume point.
    /// </summary>
    [Range(0, 60)]
    public int ReplayCommitLagSeconds { get; set; } = 5;

    /// <summary>Resume points older than this get <c>resync</c> however few operations followed them.</summary>
    [Range(1, 10_080)]
    public int ReplayMaxAgeMinutes { get; set; } = 1_440;
}
