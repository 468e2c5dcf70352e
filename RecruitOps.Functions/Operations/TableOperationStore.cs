using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RecruitOps.Operations;

/// <summary>The operation store on Azure Table Storage (Azurite locally). Layout: <see cref="OperationRowKeys"/>.</summary>
public sealed partial class TableOperationStore(
    TableServiceClient serviceClient,
    IOptions<OperationStoreOptions> options,
    OperationIdGenerator ids,
    TimeProvider timeProvider,
    ILogger<TableOperationStore> logger) : IOperationStore, IDisposable
{
    private static readonly string[] RowKeyOnly = ["RowKey"];
    private readonly TableClient _table = serviceClient.GetTableClient(options.Value.TableName);
    private readonly PartitionCommitQueue _commits = new(serviceClient.GetTableClient(options.Value.TableName));
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private volatile bool _created;

    public async Task<RecordResult> RecordAsync(OperationDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var (id, recordedAt) = ids.NextAt(timeProvider.GetUtcNow());
        var operation = draft.ToOperation(id, recordedAt, actor);
        var contentHash = ContentHash(draft, actor);

        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, OperationEntity.Create(OperationRowKeys.Timeline(id), operation, draft.OperationId)),
            new(TableTransactionActionType.Add, OperationEntity.Create(OperationRowKeys.Recruit(draft.RecruitId, id), operation, draft.OperationId)),
            new(TableTransactionActionType.Add, new TableEntity(OperationRowKeys.Partition, OperationRowKeys.Outbox(id)) { ["Id"] = id }),
        ];
        if (draft.OperationId is { } clientKey)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(OperationRowKeys.Partition, OperationRowKeys.Key(clientKey))
            {
                ["Id"] = id,
                ["ContentHash"] = contentHash,
            }));
        }

        try
        {
            await _commits.SubmitAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && draft.OperationId is not null)
        {
            // The idempotency key exists: either a retry of the same request, or a reuse of the key.
            return await ResolveExistingKeyAsync(draft.OperationId, contentHash, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Ids are unique, so a conflict on our own fresh id means the SDK retried a try that had committed after
            // all (it timed out on the way back). The operation is stored exactly once.
            if (await GetAsync(id, CancellationToken.None) is null)
            {
                throw;
            }

            Log.CommittedOnEarlierTry(logger, ex, id);
        }

        Log.Recorded(logger, id, operation.Action);
        return new RecordResult(RecordOutcome.Created, operation);
    }

    public async Task<Operation?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!OperationId.IsValid(id))
        {
            return null;
        }

        await EnsureTableAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            OperationRowKeys.Partition, OperationRowKeys.Timeline(id), cancellationToken: cancellationToken);
        return response.HasValue ? OperationEntity.ToOperation(response.Value!) : null;
    }

    public async Task<OperationPage> ListAsync(PageRequest request, CancellationToken cancellationToken)
    {
        var scope = request.RecruitId is null ? OperationRowKeys.TimelinePrefix : OperationRowKeys.RecruitPrefix(request.RecruitId);
        var after = request.Cursor is null ? scope : PageCursor.Decode(request.Cursor, scope);
        await EnsureTableAsync(cancellationToken);

        var items = new List<Operation>(request.Limit);
        string? lastKey = null;
        var more = false;
        var filter = RangeFilter(after, OperationRowKeys.PrefixEnd(scope));
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(request.Limit + 1, 1000), cancellationToken: cancellationToken))
        {
            if (items.Count == request.Limit)
            {
                more = true;
                break;
            }

            items.Add(OperationEntity.ToOperation(entity));
            lastKey = entity.RowKey;
        }

        return new OperationPage(items, more ? PageCursor.Encode(scope, lastKey!) : null);
    }

    public async Task<string?> GetNewestIdAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = RangeFilter(OperationRowKeys.TimelinePrefix, OperationRowKeys.PrefixEnd(OperationRowKeys.TimelinePrefix));
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: RowKeyOnly, cancellationToken: cancellationToken))
        {
            return OperationRowKeys.IdFromTimeline(entity.RowKey);
        }

        return null;
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureTableAsync(cancellationToken);
            await foreach (var _ in _table.QueryAsync<TableEntity>(maxPerPage: 1, select: RowKeyOnly, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return true;
        }
        catch (Exception ex) when (ex is RequestFailedException || DependencyOutage.Matches(ex))
        {
            Log.StorageUnreachable(logger, (ex as RequestFailedException)?.Status ?? 0, (ex as RequestFailedException)?.ErrorCode);
            return false;
        }
    }

    private async Task<RecordResult> ResolveExistingKeyAsync(string clientKey, string contentHash, CancellationToken cancellationToken)
    {
        var existing = await _table.GetEntityAsync<TableEntity>(
            OperationRowKeys.Partition, OperationRowKeys.Key(clientKey), cancellationToken: cancellationToken);
        if (existing.Value.GetString("ContentHash") != contentHash)
        {
            return new RecordResult(RecordOutcome.Conflict, null);
        }

        var first = await GetAsync(existing.Value.GetString("Id"), cancellationToken)
            ?? throw new InvalidOperationException("An idempotency key points at an operation that is not stored.");
        return new RecordResult(RecordOutcome.AlreadyRecorded, first);
    }

    private static string RangeFilter(string low, string high, bool inclusiveLow = false) =>
        inclusiveLow
            ? TableClient.CreateQueryFilter($"PartitionKey eq {OperationRowKeys.Partition} and RowKey ge {low} and RowKey lt {high}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {OperationRowKeys.Partition} and RowKey gt {low} and RowKey lt {high}");

    /// <summary>What makes two requests with the same operationId "the same": every body field and the actor.</summary>
    private static string ContentHash(OperationDraft draft, Actor actor)
    {
        var canonical = OperationJson.Serialize(draft.ToOperation(string.Empty, DateTimeOffset.UnixEpoch, actor with { Name = string.Empty, Role = string.Empty }));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private async ValueTask EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _createGate.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await _table.CreateIfNotExistsAsync(cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _createGate.Release();
        }
    }

    public void Dispose()
    {
        _commits.Dispose();
        _createGate.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Recorded operation {OperationId} ({Action})")]
        public static partial void Recorded(ILogger logger, string operationId, string action);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Operation {OperationId} had committed on an earlier try of its transaction")]
        public static partial void CommittedOnEarlierTry(ILogger logger, Exception exception, string operationId);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Table storage unreachable: status {Status}, error {ErrorCode}")]
        public static partial void StorageUnreachable(ILogger logger, int status, string? errorCode);
    }
}
