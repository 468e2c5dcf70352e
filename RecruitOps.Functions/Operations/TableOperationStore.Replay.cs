using Azure.Data.Tables;

namespace RecruitOps.Operations;

/// <summary>
/// Replay for resuming streams (docs/streaming.md): everything after the resume point, the later commits a lagging
/// clock put behind it, and the operations published late since (<c>TableOperationStore.LatePublished.cs</c>).
/// </summary>
public sealed partial class TableOperationStore
{
    private static readonly string[] CommitTimeOnly = ["RowKey", "Timestamp"];

    public async Task<ReplayResult> ReadAfterAsync(string afterId, ReplayWindow window, CancellationToken cancellationToken)
    {
        if (!OperationId.TryGetTime(afterId, out var afterTime))
        {
            return ReplayResult.ResyncFor(ResyncReason.Malformed);
        }

        await EnsureTableAsync(cancellationToken);
        if (await CommitTimeAsync(afterId, afterTime, cancellationToken) is not { } afterCommit)
        {
            return ReplayResult.ResyncFor(ResyncReason.Unknown);
        }

        // Keyed by id: the ranges below are disjoint today, but any further source of late operations may overlap.
        var replay = new Dictionary<string, Operation>(StringComparer.Ordinal);
        var newer = RangeFilter(OperationRowKeys.TimelinePrefix, OperationRowKeys.Timeline(afterId), inclusiveLow: true);
        if (!await TryCollectAsync(newer, window.MaxCount, replay, cancellationToken)
            || !await TryCollectAsync(LateCommitFilter(afterId, afterTime, afterCommit, window), window.MaxCount, replay, cancellationToken)
            || !await TryCollectLatePublishedAsync(afterId, afterTime, window.MaxCount, replay, cancellationToken))
        {
            return ReplayResult.ResyncFor(ResyncReason.TooMany);
        }

        return new ReplayResult([.. replay.Values.OrderBy(operation => operation.Id, StringComparer.Ordinal)], null);
    }

    /// <summary>
    /// When the resume point's row committed, by Table Storage's clock; for a time position (no row behind it) the
    /// moment it names. Null when a well-formed id names no recorded operation.
    /// </summary>
    private async Task<DateTimeOffset?> CommitTimeAsync(string afterId, DateTimeOffset afterTime, CancellationToken cancellationToken)
    {
        if (OperationId.IsTimePosition(afterId))
        {
            return afterTime;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(
            OperationRowKeys.Partition, OperationRowKeys.Timeline(afterId), select: CommitTimeOnly, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.Timestamp : null;
    }

    /// <summary>
    /// Ids in [resume time - lookback, resume id) whose rows committed no earlier than the commit lag before the resume
    /// point's: the operations a lagging clock or a slow write put behind the point after the client passed it.
    /// </summary>
    private static string? LateCommitFilter(string afterId, DateTimeOffset afterTime, DateTimeOffset afterCommit, ReplayWindow window)
    {
        if (window.Lookback <= TimeSpan.Zero)
        {
            return null;
        }

        var from = afterTime - window.Lookback < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : afterTime - window.Lookback;
        // Timeline keys are inverted ids: "before the resume point" is a greater key, the lookback's start the greatest.
        var below = OperationRowKeys.Timeline(afterId);
        var lowest = OperationRowKeys.Timeline(OperationId.AtTime(from));
        var committedSince = afterCommit - window.CommitLag;
        return TableClient.CreateQueryFilter(
            $"PartitionKey eq {OperationRowKeys.Partition} and RowKey gt {below} and RowKey le {lowest} and Timestamp ge {committedSince}");
    }

    /// <summary>Adds the timeline rows the filter selects; false as soon as the replay would pass its cap.</summary>
    private async Task<bool> TryCollectAsync(
        string? filter, int maxCount, Dictionary<string, Operation> replay, CancellationToken cancellationToken)
    {
        if (filter is null)
        {
            return true;
        }

        var rows = _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(maxCount + 1, 1000), cancellationToken: cancellationToken);
        await foreach (var entity in rows)
        {
            var operation = OperationEntity.ToOperation(entity);
            replay.TryAdd(operation.Id, operation);
            if (replay.Count > maxCount)
            {
                return false;
            }
        }

        return true;
    }
}
