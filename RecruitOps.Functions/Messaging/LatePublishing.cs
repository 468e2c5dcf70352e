namespace RecruitOps.Messaging;

/// <summary>
/// When an operation counts as published late, and how far the late-publish index reaches (docs/servicebus.md).
/// The numbers are tied: an on-time publish starts within <see cref="Threshold"/> of <c>recordedAt</c> and ends within
/// <see cref="PublishTimeout"/>, so it reaches live streams at most their sum after <c>recordedAt</c>, which the
/// stream's own id lookback must cover; anything later has an index row written before it is sent.
/// </summary>
public static class LatePublishing
{
    /// <summary>A publish that starts later than this after <c>recordedAt</c> is indexed before it is sent.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Each publish attempt is cancelled after this; a cancelled attempt keeps its outbox mark and the sweeper retries.
    /// Bounds how long after its index row (or its <c>recordedAt</c>) a message can still reach a stream.
    /// </summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(8);

    /// <summary>
    /// A resume from id X also replays operations indexed at or after X's time minus this: an attempt reaches streams
    /// at most <see cref="PublishTimeout"/> after its row's time, plus bus latency and clock skew between instances.
    /// </summary>
    public static readonly TimeSpan ReplayAllowance = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Index rows older than this are swept away. A resume point older than this has, in practice, fallen past the
    /// replay cap and gets a resync anyway.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);
}
