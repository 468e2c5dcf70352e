namespace RecruitOps.Benchmarks.Streams;

/// <summary>
/// The fan-out outcome: latencies over every (subscriber, operation) pair that arrived; missing pairs; duplicate
/// arrivals; frames for operations this run did not record, and operations that reached streams but whose POST never
/// answered (both should be zero).
/// </summary>
internal sealed record DeliveryReport(
    int Operations,
    int Subscribers,
    LatencySummary Latency,
    long Missing,
    long Duplicates,
    long Unexpected,
    int Unconfirmed)
{
    public long Expected => (long)Operations * Subscribers;
}
