using Microsoft.Azure.Functions.Worker;

namespace RecruitOps.Messaging;

/// <summary>Under the Functions host the sweeper runs on a timer; standalone, <see cref="OutboxSweepService"/> runs it.</summary>
public sealed class OutboxSweepFunction(OutboxSweeper sweeper)
{
    public const string Schedule = "*/15 * * * * *";

    [Function(nameof(SweepOutbox))]
    public Task SweepOutbox([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
