namespace RecruitOps.Benchmarks.Streams;

/// <summary>
/// The fan-out outcome: latencies over every (subscriber, operation) pair that arrived; missing pairs; duplicate
/// arrivals; frames for operations this run did not record, and operations that reached streams but whose POST never
/// answered (both should be zero). Per operation, <see cref="FirstDelivery"/> (sent until the first subscriber had it:
/// mostly the storage write) and <see cref="Spread"/> (first until last subscriber: the fan-out itself) split the
/// latency into its two causes.
/// </summary>
internal sealed record DeliveryReport(
    int Operations,
    int Subscribers,
    LatencySummary Latency,
    long Missing,
    long Duplicates,
    long Unexpected,
    int Unconfirmed,
    LatencySummary FirstDelivery,
    LatencySummary Spread)
{
    public long Expected => (long)Operations * Subscribers;
}
