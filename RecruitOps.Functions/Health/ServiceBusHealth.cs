using RecruitOps.Messaging;

namespace RecruitOps.Health;

/// <summary>This instance's Service Bus feed. Counts are since the instance started.</summary>
/// <param name="Configured">False on the in-process relay (no <c>ServiceBus</c> setting); the rest then stays empty.</param>
/// <param name="Receiving">
/// True while the subscription exists and messages are received. False while no stream is open here (receiving
/// stops when idle), while it cannot start, or while the subscription is being created again.
/// </param>
/// <param name="Subscription">The subscription this instance receives from.</param>
/// <param name="Gaps">Times the feed may have missed messages and closed the streams open here then.</param>
/// <param name="StaleDropped">Messages dropped for having waited in the subscription from before receiving started.</param>
/// <param name="LastError">The last receive fault: its type, Service Bus reason, source and time; never its message.</param>
public sealed record ServiceBusHealth(
    bool Configured, bool Receiving, string? Subscription, long Gaps, long StaleDropped, ReceiveError? LastError)
{
    public static ServiceBusHealth Of(ServiceBusRelayFeed feed) => feed.IsConfigured
        ? new(true, feed.IsReceiving, feed.SubscriptionName, feed.Gaps, feed.StaleDropped, feed.LastError)
        : new(false, false, null, 0, 0, null);
}
