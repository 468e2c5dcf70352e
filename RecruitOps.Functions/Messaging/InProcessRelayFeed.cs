using RecruitOps.Streaming;

namespace RecruitOps.Messaging;

/// <summary>The embedded default: <see cref="InProcessPublisher"/> hands operations to the relay itself, so it is always receiving.</summary>
public sealed class InProcessRelayFeed : IRelayFeed
{
    private static readonly Task<bool> Receiving = Task.FromResult(true);

    public Task<bool> WhenReceivingAsync(CancellationToken cancellationToken) => Receiving;
}
