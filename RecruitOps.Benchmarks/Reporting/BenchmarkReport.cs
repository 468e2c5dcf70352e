using RecruitOps.Benchmarks.Phases;

namespace RecruitOps.Benchmarks.Reporting;

/// <summary>Everything one run measured, with what the machine allowed.</summary>
internal sealed record BenchmarkReport(
    DateTimeOffset StartedAt,
    string Machine,
    long? FileLimit,
    HeldSubscribersResult Held,
    FanOutResult FanOut,
    ThroughputResult Throughput,
    ResumeResult Resume)
{
    /// <summary>Delivery is correct only if every held subscriber got every operation exactly once.</summary>
    public bool DeliveredExactlyOnce =>
        FanOut.Deliveries is { Missing: 0, Duplicates: 0, Unexpected: 0, Unconfirmed: 0 } && FanOut.Failed == 0 && Resume.Incorrect == 0;
}
