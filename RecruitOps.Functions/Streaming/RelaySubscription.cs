using System.Threading.Channels;

namespace RecruitOps.Streaming;

/// <summary>
/// One open stream's mailbox. Bounded: a subscriber that stops reading is closed when its backlog reaches the cap
/// (it resumes from its last id and loses nothing), so it can neither grow memory nor slow anyone else down. The
/// relay also closes it when the feed behind the relay may have missed operations, for the same resume.
/// </summary>
public sealed class RelaySubscription : IDisposable
{
    private const int Open = 0;
    private const int OverflowedState = 1;
    private const int Disposed = 2;
    private const int FeedGapState = 3;

    private readonly Channel<OperationEvent> _channel;
    private readonly OperationRelay _relay;
    // Never disposed: it has no timer, and a publisher may still be cancelling it when the stream lets go.
    private readonly CancellationTokenSource _closed = new();
    private int _state;

    internal RelaySubscription(OperationRelay relay, int capacity)
    {
        _relay = relay;
        _channel = Channel.CreateBounded<OperationEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<OperationEvent> Reader => _channel.Reader;

    /// <summary>True once the backlog cap was hit; the stream must end so the client resumes from storage.</summary>
    public bool Overflowed => Volatile.Read(ref _state) == OverflowedState;

    /// <summary>True once the relay's feed may have missed operations; the stream must end so the replay fills the gap.</summary>
    public bool ClosedForFeedGap => Volatile.Read(ref _state) == FeedGapState;

    /// <summary>
    /// Cancelled when the backlog cap is hit or the feed has a gap, so a stream stuck writing to a client that does
    /// not read is cut off too, not only one waiting for the next event.
    /// </summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>Never blocks: false when the backlog is full, which closes this subscription (once).</summary>
    internal bool TryDeliver(OperationEvent operationEvent, out bool overflowedNow)
    {
        overflowedNow = false;
        if (_channel.Writer.TryWrite(operationEvent))
        {
            return true;
        }

        overflowedNow = TryClose(OverflowedState);
        return false;
    }

    /// <summary>Closes this subscription because its feed may have missed operations; false when already closed.</summary>
    internal bool TryCloseForFeedGap() => TryClose(FeedGapState);

    private bool TryClose(int reason)
    {
        if (Interlocked.CompareExchange(ref _state, reason, Open) != Open)
        {
            return false;
        }

        _channel.Writer.TryComplete();
        // Callbacks run on the thread pool: the stream's cleanup must never run on the publisher's thread.
        _ = _closed.CancelAsync();
        return true;
    }

    public void Dispose()
    {
        Interlocked.CompareExchange(ref _state, Disposed, Open);
        _channel.Writer.TryComplete();
        _relay.Remove(this);
    }
}
