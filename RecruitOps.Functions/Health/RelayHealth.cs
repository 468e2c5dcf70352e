namespace RecruitOps.Health;

/// <summary>This instance's streams since it started: open now, and how resumes and overflows were handled.</summary>
/// <param name="Subscribers">Streams open now.</param>
/// <param name="ClosedForBacklog">Streams closed because their client fell behind by the backlog cap.</param>
/// <param name="ClosedForFeedGap">Streams closed because the feed behind the relay may have missed operations.</param>
/// <param name="ResyncsServed">Resuming streams told to reload the history.</param>
/// <param name="ReplaysServed">Resuming streams sent a replay.</param>
/// <param name="Delivered">Live events handed to subscribers.</param>
public sealed record RelayHealth(
    int Subscribers, long ClosedForBacklog, long ClosedForFeedGap, long ResyncsServed, long ReplaysServed, long Delivered);
