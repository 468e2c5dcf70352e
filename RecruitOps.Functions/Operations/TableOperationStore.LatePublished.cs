using Azure;
using Azure.Data.Tables;
using RecruitOps.Messaging;

namespace RecruitOps.Operations;

/// <summary>
/// The late-publish index (<c>l|</c> rows, docs/servicebus.md). Kept apart from the replay code so the stream and the
/// bus can change independently: <see cref="ReadAfterAsync"/> calls <see cref="TryCollectLatePublishedAsync"/> once.
/// </summary>
public sealed partial class TableOperationStore
{
    private const int DeleteBatchSize = 100;

    public async Task RecordLatePublishAsync(Operation operation, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        // A full copy, so a resume reads the late operations in one range query instead of one point read each.
        var entity = OperationEntity.Create(OperationRowKeys.Late(publishedAt, operation.Id), operation, clientKey: null);
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<Operation>> ReadLatePublishedSinceAsync(
        DateTimeOffset since, int maxCount, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = RangeFilter(OperationRowKeys.LateAt(since), OperationRowKeys.PrefixEnd(OperationRowKeys.LatePrefix), inclusiveLow: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var operations = new List<Operation>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(maxCount, 1000), cancellationToken: cancellationToken))
        {
            // An operation the sweeper tried more than once has one row per try.
            if (seen.Add(entity.GetString("Id")))
            {
                operations.Add(OperationEntity.ToOperation(entity));
            }

            if (operations.Count == maxCount)
            {
                break;
            }
        }

        return operations;
    }

    public async Task<int> DeleteLatePublishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = RangeFilter(OperationRowKeys.LatePrefix, OperationRowKeys.LateAt(before), inclusiveLow: true);
        var deleted = 0;
        var batch = new List<TableTransactionAction>(DeleteBatchSize);
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: DeleteBatchSize, select: RowKeyOnly, cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(OperationRowKeys.Partition, entity.RowKey), ETag.All));
            if (batch.Count == DeleteBatchSize)
            {
                deleted += await DeleteBatchAsync(batch, cancellationToken);
            }
        }

        return deleted + await DeleteBatchAsync(batch, cancellationToken);
    }

    /// <summary>
    /// Adds the operations published late since the resume point's time minus <see cref="LatePublishing.ReplayAllowance"/>:
    /// a client that received a newer id live may still have missed them, whatever their ids. False when the replay
    /// would pass its cap (a resync, never a partial replay).
    /// </summary>
    private async Task<bool> TryCollectLatePublishedAsync(
        string afterId, DateTimeOffset afterTime, int maxCount, Dictionary<string, Operation> replay, CancellationToken cancellationToken)
    {
        var late = await ReadLatePublishedSinceAsync(afterTime - LatePublishing.ReplayAllowance, maxCount + 1, cancellationToken);
        foreach (var operation in late.Where(operation => operation.Id != afterId))
        {
            replay.TryAdd(operation.Id, operation);
            if (replay.Count > maxCount)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<int> DeleteBatchAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var count = batch.Count;
        try
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // Another instance's sweep deleted a row of this batch first; the rest goes with a later sweep.
            count = 0;
        }

        batch.Clear();
        return count;
    }
}
