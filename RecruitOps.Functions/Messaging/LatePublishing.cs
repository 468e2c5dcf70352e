namespace RecruitOps.Messaging;

/// <summary>
/// When an operation counts as published late, and how far the late-publish index reaches (docs/servicebus.md).
/// The numbers are tied to the stream's replay window: a publish that starts on time (within <see cref="Threshold"/>
/// of <c>recordedAt</c>, right after the commit) reaches streams within <see cref="PublishTimeout"/> of its commit,
/// which the stream's commit lag (<c>Stream:ReplayCommitLagSeconds</c>, 5 s) and id lookback (10 s) cover; anything
/// later has an index row written before it is sent.
/// </summary>
public static class LatePublishing
{
    /// <summary>A publish that starts later than this after <c>recordedAt</c> is indexed before it is sent.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Each publish attempt is cancelled after this; a cancelled attempt keeps its outbox mark and the sweeper retries.
    /// Bounds how long after its index row (or its commit) a message can still reach a stream, so it must stay below
    /// the stream's commit lag.
    /// </summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(4);

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
