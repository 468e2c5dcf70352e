using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Operations;

/// <summary>
/// Group commit against Azurite: concurrent writes share transactions, and a write that fails, fails alone.
/// </summary>
public sealed class PartitionCommitQueueTests : IAsyncLifetime
{
    private const string Partition = "p";
    private readonly RequestCounter _requests = new();
    private TableClient _table = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_requests, HttpPipelinePosition.PerCall);
        _table = new TableServiceClient(TestApp.StorageConnectionString, options)
            .GetTableClient("commit" + Guid.NewGuid().ToString("N")[..12]);
        await _table.CreateAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task Writes_queued_together_share_transactions_and_all_land()
    {
        using var queue = new PartitionCommitQueue(_table);
        var before = _requests.Count;

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => queue.SubmitAsync(Write($"a{i:D3}", $"b{i:D3}"), TestContext.Current.CancellationToken)));

        Assert.Equal(120, await CountRowsAsync());
        Assert.InRange(_requests.Count - before, 1, 30);
    }

    [Fact]
    public async Task A_write_whose_row_exists_fails_alone_with_409_and_the_writes_beside_it_land()
    {
        await _table.AddEntityAsync(new TableEntity(Partition, "taken"), TestContext.Current.CancellationToken);
        using var queue = new PartitionCommitQueue(_table);

        var writes = Enumerable.Range(0, 20)
            .Select(i => queue.SubmitAsync(i == 7 ? Write("x007", "taken") : Write($"x{i:D3}", $"y{i:D3}"), TestContext.Current.CancellationToken))
            .ToList();
        var failure = await Record.ExceptionAsync(() => writes[7]);
        await Task.WhenAll(writes.Where((_, i) => i != 7));

        var refused = Assert.IsType<TableTransactionFailedException>(failure);
        Assert.Equal(409, refused.Status);
        Assert.Equal(1 + 19 * 2, await CountRowsAsync());
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "x007", cancellationToken: TestContext.Current.CancellationToken)).HasValue);
    }

    [Fact]
    public async Task Two_writes_of_one_row_in_the_same_queue_record_one_and_refuse_the_other()
    {
        using var queue = new PartitionCommitQueue(_table);

        var writes = Enumerable.Range(0, 10).Select(_ => queue.SubmitAsync(Write("same"), TestContext.Current.CancellationToken)).ToList();
        var outcomes = await Task.WhenAll(writes.Select(write => Record.ExceptionAsync(() => write).AsTask()));

        Assert.Single(outcomes, outcome => outcome is null);
        Assert.All(outcomes.Where(outcome => outcome is not null),
            outcome => Assert.Equal(409, Assert.IsType<TableTransactionFailedException>(outcome).Status));
        Assert.Equal(1, await CountRowsAsync());
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_stop_its_write()
    {
        using var queue = new PartitionCommitQueue(_table);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var abandoned = queue.SubmitAsync(Write("abandoned"), cancelled.Token);
        await queue.SubmitAsync(Write("after"), TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        // Two transactions may be in flight at once, so the abandoned one can land just after the next one.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "abandoned", cancellationToken: TestContext.Current.CancellationToken)).HasValue && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True((await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "abandoned", cancellationToken: TestContext.Current.CancellationToken)).HasValue);
    }

    [Fact]
    public async Task Writes_too_large_to_share_one_transaction_are_split_and_all_land()
    {
        using var queue = new PartitionCommitQueue(_table);
        // Each write's estimate is about 300 KB; a 3 MiB budget takes about ten of them per transaction.
        var note = new string('n', 30_000);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            queue.SubmitAsync([Add($"big{i:D2}", note), Add($"copy{i:D2}", note)], TestContext.Current.CancellationToken)));

        Assert.Equal(60, await CountRowsAsync());
    }

    [Fact]
    public async Task Unreachable_storage_fails_every_queued_write_as_an_outage()
    {
        var options = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) } };
        var unreachable = new TableClient(
            new Uri("http://127.0.0.1:9/devstoreaccount1"), "gone",
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])), options);
        using var queue = new PartitionCommitQueue(unreachable);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(i => Record.ExceptionAsync(() => queue.SubmitAsync(Write($"o{i}"), TestContext.Current.CancellationToken)).AsTask()));

        Assert.All(outcomes, outcome => Assert.True(outcome is not null && DependencyOutage.Matches(outcome), outcome?.ToString()));
    }

    private static TableTransactionAction[] Write(params string[] rowKeys) => rowKeys.Select(key => Add(key, "v")).ToArray();

    private static TableTransactionAction Add(string rowKey, string value) =>
        new(TableTransactionActionType.Add, new TableEntity(Partition, rowKey) { ["Value"] = value });

    private async Task<int> CountRowsAsync()
    {
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: TestContext.Current.CancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>Counts the requests the table client sends (a transaction is one).</summary>
    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Post)
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
