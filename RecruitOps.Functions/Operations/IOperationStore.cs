namespace RecruitOps.Operations;

/// <summary>
/// The audit trail: Table Storage is the source of truth for every operation. The stream, the bus and the page are
/// only how operations travel.
/// </summary>
public interface IOperationStore
{
    /// <summary>
    /// Stores the operation, its per-recruit copy, its idempotency key and its outbox mark in one transaction.
    /// </summary>
    Task<RecordResult> RecordAsync(OperationDraft draft, Actor actor, CancellationToken cancellationToken);

    Task<Operation?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first. Throws <see cref="InvalidCursorException"/> for a cursor this query did not issue.</summary>
    Task<OperationPage> ListAsync(PageRequest request, CancellationToken cancellationToken);

    Task<string?> GetNewestIdAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Operations a client that has seen <paramref name="afterId"/> may have missed, oldest first: every later id, and
    /// the earlier ids the <paramref name="window"/>'s lookback finds committed after it. A resync instead when the
    /// point is malformed or unknown, or when more than the window's cap would have to be sent.
    /// </summary>
    Task<ReplayResult> ReadAfterAsync(string afterId, ReplayWindow window, CancellationToken cancellationToken);

    /// <summary>Operations whose publication has not been confirmed and that were recorded before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<Operation>> ListUnpublishedAsync(DateTimeOffset before, int maxCount, CancellationToken cancellationToken);

    /// <summary>Clears the outbox mark once the operation has been published.</summary>
    Task MarkPublishedAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Indexes an operation that is about to be published late (docs/servicebus.md), before it is sent, so a client
    /// resuming from a newer id still gets it.
    /// </summary>
    Task RecordLatePublishAsync(Operation operation, DateTimeOffset publishedAt, CancellationToken cancellationToken);

    /// <summary>Operations published late at or after <paramref name="since"/>, oldest publish first, each once.</summary>
    Task<IReadOnlyList<Operation>> ReadLatePublishedSinceAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken);

    /// <summary>Drops late-publish index rows older than <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteLatePublishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Reports whether the table answers, for the health endpoint.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
