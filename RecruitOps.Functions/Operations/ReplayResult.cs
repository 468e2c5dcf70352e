namespace RecruitOps.Operations;

/// <summary>
/// What a resuming stream should send: the operations after the resume point, oldest first, or — when the point is
/// unknown or further back than the replay cap — a resync, with no partial list that could pass for complete.
/// </summary>
public sealed record ReplayResult(IReadOnlyList<Operation> Operations, ResyncReason? Resync)
{
    public bool ResyncRequired => Resync is not null;

    public static ReplayResult ResyncFor(ResyncReason reason) => new([], reason);
}
