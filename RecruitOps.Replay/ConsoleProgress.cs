using System.Diagnostics;
using System.Globalization;

namespace RecruitOps.Replay;

/// <summary>
/// Shows progress on standard error: a bar redrawn in place on a terminal, or a plain line every few seconds when
/// the output goes to a file or a CI log (where carriage returns would pile up into one unreadable line).
/// </summary>
internal sealed class ConsoleProgress(TextWriter output, bool interactive) : IProgress<ReplayProgress>
{
    private const int BarWidth = 30;
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceDrawn = Stopwatch.StartNew();
    private ReplayProgress? _last;

    public void Report(ReplayProgress value)
    {
        lock (_gate)
        {
            // Lanes finish out of order; never draw an older snapshot over a newer one.
            if (_last is { } last && last.Done >= value.Done)
            {
                return;
            }

            _last = value;
            var finished = value.Done == value.Total;
            if (!finished && _sinceDrawn.Elapsed < (interactive ? TerminalInterval : LogInterval))
            {
                return;
            }

            _sinceDrawn.Restart();
            if (interactive)
            {
                output.Write($"\r{Bar(value)} {Describe(value)}\u001b[K");
            }
            else
            {
                output.WriteLine(Describe(value));
            }
        }
    }

    /// <summary>Ends the bar's line so the summary starts on a fresh one.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (interactive && _last is not null)
            {
                output.WriteLine();
            }
        }
    }

    private static string Bar(ReplayProgress value)
    {
        var filled = value.Total == 0 ? BarWidth : value.Done * BarWidth / value.Total;
        return "[" + new string('#', filled) + new string('.', BarWidth - filled) + "]";
    }

    private static string Describe(ReplayProgress value) => string.Create(
        CultureInfo.InvariantCulture,
        $"{value.Done}/{value.Total} lines: {value.Recorded} recorded, {value.AlreadyRecorded} already recorded, " +
        $"{value.Rejected} rejected, {value.Failed} failed");
}
