using System.Threading.Channels;

namespace RecruitOps.Streaming;

/// <summary>
/// One open stream's mailbox. Bounded: a subscriber that stops reading is closed when its backlog reaches the cap
/// (it resumes from its last id and loses nothing), so it can neither grow memory nor slow anyone else down.
/// </summary>
public sealed class RelaySubscription : IDisposable
{
    private readonly Channel<OperationEvent> _channel;
    private readonly OperationRelay _relay;

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
    public bool Overflowed { get; private set; }

    internal bool TryDeliver(OperationEvent operationEvent)
    {
        if (_channel.Writer.TryWrite(operationEvent))
        {
            return true;
        }

        Overflowed = true;
        _channel.Writer.TryComplete();
        return false;
    }

    internal void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _relay.Remove(this);
    }
}
