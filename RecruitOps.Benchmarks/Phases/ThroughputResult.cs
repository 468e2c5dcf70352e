namespace RecruitOps.Benchmarks.Phases;

/// <summary>
/// Operations per second through the API, beside single-entity inserts per second straight to the same storage at
/// the same concurrency. One API operation is more storage work than one insert: a 3-entity batch (4 with an
/// operationId) and the delete of its outbox mark, so <see cref="SameStoragePerSecond"/> does exactly that work
/// directly: what the storage allows an operation, without the app. The app's CPU per operation tells how much of
/// the gap is the app's own work.
/// </summary>
internal sealed record ThroughputResult(
    int Writers,
    double Seconds,
    long ApiOperations,
    long ApiFailures,
    double ApiPerSecond,
    long RawInserts,
    double RawPerSecond,
    double SameStoragePerSecond,
    double? AppCpuMicrosecondsPerOperation)
{
    public double Ratio => RawPerSecond > 0 ? ApiPerSecond / RawPerSecond : double.NaN;

    public double SameStorageRatio => SameStoragePerSecond > 0 ? ApiPerSecond / SameStoragePerSecond : double.NaN;
}
