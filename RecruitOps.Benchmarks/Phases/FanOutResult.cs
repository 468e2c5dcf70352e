using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Benchmarks.Phases;

/// <summary>
/// Operations recorded at a steady rate while the streams were held, how they were delivered, and how long the POSTs
/// themselves took to answer (<see cref="RecordLatency"/>).
/// </summary>
internal sealed record FanOutResult(
    int Planned,
    int Recorded,
    int Failed,
    double AchievedRate,
    double SendLagMaxMilliseconds,
    int SubscribersAtStart,
    int SubscribersEnded,
    DeliveryReport Deliveries,
    LatencySummary RecordLatency);
