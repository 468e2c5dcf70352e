using RecruitOps.Benchmarks.Streams;

namespace RecruitOps.Benchmarks.Phases;

/// <summary>
/// Operations recorded at a steady rate while the streams were held, how they were delivered, and how long the POSTs
/// themselves took to answer (<see cref="RecordLatency"/>). CPU time is each process's user plus system time from the
/// first measured send until the last delivery, so CPU per delivery bounds the rate this machine can fan out at.
/// </summary>
internal sealed record FanOutResult(
    int Planned,
    int Recorded,
    int Failed,
    double OfferedRate,
    double SendLagMaxMilliseconds,
    int SubscribersAtStart,
    int SubscribersEnded,
    DeliveryReport Deliveries,
    LatencySummary RecordLatency,
    TimeSpan? AppCpu,
    TimeSpan? ClientCpu,
    long DeliveriesTimed)
{
    public double? AppMicrosecondsPerDelivery => PerDelivery(AppCpu);

    public double? ClientMicrosecondsPerDelivery => PerDelivery(ClientCpu);

    private double? PerDelivery(TimeSpan? cpu)
    {
        return cpu is { } time && DeliveriesTimed > 0 ? time.TotalMicroseconds / DeliveriesTimed : null;
    }
}
