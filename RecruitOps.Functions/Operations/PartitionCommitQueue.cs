using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;

namespace RecruitOps.Operations;

/// <summary>
/// Group commit for the one partition every operation lives in: writes that arrive while a transaction is in flight
/// share the next one, so under load one storage request carries many operations instead of one each. Each write's
/// actions stay atomic, since a transaction is all or nothing. When a shared transaction fails (an idempotency key
/// that exists, two writes of one key, an outage), each write is tried again alone, so it gets exactly the answer
/// it would have had alone and no write fails for another's sake.
/// </summary>
/// <remarks>
/// Nothing waits to fill a batch: an idle queue commits a lone write at once, so a quiet app answers as fast as
/// before. Limits are Table Storage's: 100 actions and 4 MiB of payload per transaction.
/// </remarks>
internal sealed class PartitionCommitQueue : IDisposable
{
    public const int MaxActions = 100;

    /// <summary>Below the 4 MiB payload limit, leaving room for the multipart framing of each action.</summary>
    public const int MaxPayloadBytes = 3 * 1024 * 1024;

    /// <summary>
    /// Transactions in flight at once: while one travels, the next one fills. More would split the queue into
    /// smaller batches without committing faster, since one partition is served by one storage node.
    /// </summary>
    private const int Committers = 2;

    private readonly TableClient _table;
    private readonly Lock _dequeue = new();
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions
    {
        SingleReader = false,
        SingleWriter = false,
    });

    public PartitionCommitQueue(TableClient table)
    {
        _table = table;
        for (var i = 0; i < Committers; i++)
        {
            // Each loop ends when the queue is completed and drained; it never throws.
            _ = Task.Run(CommitLoopAsync);
        }
    }

    /// <summary>
    /// Commits <paramref name="actions"/> as one atomic unit, possibly in a transaction shared with other writes.
    /// Throws what <see cref="TableClient.SubmitTransactionAsync"/> would have thrown for these actions alone.
    /// Cancelling stops the wait, not the write: once queued, a write is committed or failed, never half done.
    /// </summary>
    public Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentOutOfRangeException(nameof(actions), actions.Count, $"A write holds 1 to {MaxActions} actions.");
        }

        var write = new PendingWrite(actions, EstimatePayload(actions));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(write), this);

        return write.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task CommitLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingWrite>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            int actions = 0, bytes = 0;
            // Peek and read as one step: otherwise the other committer could take the write that was measured, and
            // this one would read the next, unmeasured, past the transaction's limits.
            lock (_dequeue)
            {
                while (reader.TryPeek(out var next)
                       && (batch.Count == 0 || (actions + next.Actions.Count <= MaxActions && bytes + next.PayloadBytes <= MaxPayloadBytes))
                       && reader.TryRead(out next))
                {
                    batch.Add(next);
                    actions += next.Actions.Count;
                    bytes += next.PayloadBytes;
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        if (batch.Count == 1)
        {
            await CommitAloneAsync(batch[0]).ConfigureAwait(false);
            return;
        }

        try
        {
            await _table.SubmitTransactionAsync(batch.SelectMany(write => write.Actions), CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (!DependencyOutage.Matches(ex))
        {
            // Refused for one write's sake (its key exists, say); each write alone gets the answer that is its own.
            foreach (var write in batch)
            {
                await CommitAloneAsync(write).ConfigureAwait(false);
            }

            return;
        }
        catch (Exception ex)
        {
            // Storage is unreachable: retrying each write alone would only make every caller wait longer for a 503.
            foreach (var write in batch)
            {
                write.Completion.TrySetException(ex);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Completion.TrySetResult();
        }
    }

    private async Task CommitAloneAsync(PendingWrite write)
    {
        try
        {
            await _table.SubmitTransactionAsync(write.Actions, CancellationToken.None).ConfigureAwait(false);
            write.Completion.TrySetResult();
        }
        catch (Exception ex)
        {
            write.Completion.TrySetException(ex);
        }
    }

    /// <summary>
    /// An upper bound of the action's share of the request: every string character at its worst JSON escape
    /// (<c>\uXXXX</c>, 6 bytes), plus a fixed allowance for names, other values and the multipart headers.
    /// </summary>
    private static int EstimatePayload(IReadOnlyList<TableTransactionAction> actions)
    {
        var bytes = 0;
        foreach (var action in actions)
        {
            bytes += 1024;
            if (action.Entity is not TableEntity entity)
            {
                bytes += MaxPayloadBytes / MaxActions;
                continue;
            }

            foreach (var (name, value) in entity)
            {
                bytes += 64 + name.Length * 6 + (value is string text ? text.Length * 6 : 64);
            }
        }

        return bytes;
    }

    public void Dispose()
    {
        // Queued writes are still committed; nothing new is accepted.
        _queue.Writer.TryComplete();
    }

    private sealed record PendingWrite(IReadOnlyList<TableTransactionAction> Actions, int PayloadBytes)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
