namespace RecruitOps.Messaging;

/// <summary>
/// Whether the feed is receiving, as a task streams can wait on. Set once the subscription exists and the processor
/// runs; reset when that stops being true, so streams that open afterwards wait for the next set.
/// </summary>
internal sealed class ReceivingSignal
{
    private TaskCompletionSource _source = New();

    public bool IsSet => Task.IsCompleted;

    public Task Task => Volatile.Read(ref _source).Task;

    public void Set() => Volatile.Read(ref _source).TrySetResult();

    /// <summary>Only a set signal is replaced: whoever waits on an unset one keeps waiting for the next set.</summary>
    public void Reset()
    {
        while (Volatile.Read(ref _source) is { Task.IsCompleted: true } current)
        {
            if (Interlocked.CompareExchange(ref _source, New(), current) == current)
            {
                return;
            }
        }
    }

    // Continuations run off the thread that sets it: that is the feed's loop, which must not run streams' code.
    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
