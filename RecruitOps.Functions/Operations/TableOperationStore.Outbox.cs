using Azure;
using Azure.Data.Tables;

namespace RecruitOps.Operations;

/// <summary>The outbox: marks of operations whose publication is not yet confirmed (docs/servicebus.md).</summary>
public sealed partial class TableOperationStore
{
    public async Task<IReadOnlyList<Operation>> ListUnpublishedAsync(DateTimeOffset before, int maxCount, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = RangeFilter(OperationRowKeys.OutboxPrefix, OperationRowKeys.Outbox(OperationId.AtTime(before)), inclusiveLow: true);
        var pending = new List<Operation>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(maxCount, 1000), select: RowKeyOnly, cancellationToken: cancellationToken))
        {
            var id = entity.RowKey[OperationRowKeys.OutboxPrefix.Length..];
            if (await GetAsync(id, cancellationToken) is { } operation)
            {
                pending.Add(operation);
            }

            if (pending.Count == maxCount)
            {
                break;
            }
        }

        return pending;
    }

    public async Task MarkPublishedAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        // Grouped with other writes: otherwise clearing the mark costs storage a request of its own per operation.
        // The delete has ETag "*"; a concurrent sweep that removed the mark first makes it a 404, which is fine.
        try
        {
            var clear = new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(OperationRowKeys.Partition, OperationRowKeys.Outbox(id)), ETag.All);
            await _commits.SubmitAsync([clear], cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already cleared.
        }
    }
}
