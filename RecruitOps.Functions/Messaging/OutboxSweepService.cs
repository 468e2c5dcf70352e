using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RecruitOps.Messaging;

/// <summary>The standalone host's stand-in for the timer function: sweeps the outbox every 15 seconds.</summary>
public sealed partial class OutboxSweepService(OutboxSweeper sweeper, TimeProvider timeProvider, ILogger<OutboxSweepService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Never let an outage stop the host (a BackgroundService that throws does): the marks wait in storage.
                Log.SweepFailed(logger, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Outbox sweep failed; trying again next interval")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
