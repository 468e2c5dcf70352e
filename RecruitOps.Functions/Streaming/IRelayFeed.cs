namespace RecruitOps.Streaming;

/// <summary>
/// Whatever brings other instances' operations into this instance's relay. A stream waits for it before reading
/// storage: an operation committed before that read is in the read, and one committed after it must already be on
/// its way to the relay, or the stream would miss it and its resume (from a newer id) would never bring it back.
/// </summary>
public interface IRelayFeed
{
    /// <summary>
    /// Completes with true once every operation published from now on reaches the relay, or with false when that did
    /// not happen within the feed's own bound (the stream then refuses, and the client retries).
    /// </summary>
    Task<bool> WhenReceivingAsync(CancellationToken cancellationToken);
}
