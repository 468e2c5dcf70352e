namespace RecruitOps.Benchmarks.Phases;

/// <summary>
/// Operations per second through the API, beside single-entity inserts per second straight to the same storage at
/// the same concurrency. One API operation is more storage work than one insert: a 3-entity batch (4 with an
/// operationId) and the delete of its outbox mark.
/// </summary>
internal sealed record ThroughputResult(
    int Writers,
    double Seconds,
    long ApiOperations,
    long ApiFailures,
    double ApiPerSecond,
    long RawInserts,
    double RawPerSecond)
{
    public double Ratio => RawPerSecond > 0 ? ApiPerSecond / RawPerSecond : double.NaN;
}
