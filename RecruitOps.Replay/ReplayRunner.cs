using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace RecruitOps.Replay;

/// <summary>
/// Replays a JSONL file of operations into a running RecruitOps over HTTP and tallies what became of each line.
/// With one lane (the default) lines are recorded strictly in file order. With more, each recruit's lines stay in
/// one lane, so a recruit's operations keep their order while different recruits are recorded side by side.
/// </summary>
public sealed class ReplayRunner : IDisposable
{
    private const string Interrupted = "Interrupted (Ctrl-C); replay the file again to send the rest.";

    private readonly HttpClient _http;
    private readonly RecordingClient _client;

    public ReplayRunner(Uri baseAddress, TimeSpan? retryDelay = null)
    {
        // Relative request paths resolve under the base only when it ends with a slash.
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");

        // No cookie jar: local sign-in also sets a cookie, and each request must go as its own line's user.
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false })
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _client = new RecordingClient(_http, retryDelay ?? TimeSpan.FromSeconds(1));
    }

    public async Task<ReplaySummary> RunAsync(
        string path, int concurrency, IProgress<ReplayProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var clock = Stopwatch.StartNew();
        var total = 0;
        await foreach (var text in File.ReadLinesAsync(path, cancellationToken))
        {
            total += string.IsNullOrWhiteSpace(text) ? 0 : 1;
        }

        var tally = new ReplayTally(total);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? stoppedBecause = null;
        try
        {
            await EnsureAppAnswersAsync(stop.Token);
        }
        catch (ReplayStoppedException ex)
        {
            return tally.ToSummary(ex.Message, clock.Elapsed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return tally.ToSummary(Interrupted, clock.Elapsed);
        }

        var lanes = Enumerable.Range(0, concurrency).Select(_ => Channel.CreateBounded<ReplayLine>(64)).ToArray();
        var recording = Task.WhenAll(lanes.Select(lane => Task.Run(() => RecordLaneAsync(lane.Reader), CancellationToken.None)));
        try
        {
            await ReadLinesAsync(path, lanes, tally, progress, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A lane stopped the replay, or Ctrl-C: the lanes say which.
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Writer.TryComplete();
            }
        }

        await recording;
        stoppedBecause ??= cancellationToken.IsCancellationRequested ? Interrupted : null;
        return tally.ToSummary(stoppedBecause, clock.Elapsed);

        async Task RecordLaneAsync(ChannelReader<ReplayLine> lane)
        {
            try
            {
                await foreach (var line in lane.ReadAllAsync(stop.Token))
                {
                    var snapshot = tally.Add(await _client.RecordAsync(line, stop.Token));
                    progress?.Report(snapshot);
                }
            }
            catch (ReplayStoppedException ex)
            {
                Interlocked.CompareExchange(ref stoppedBecause, ex.Message, null);
                await stop.CancelAsync();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Another lane stopped the replay, or Ctrl-C.
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task ReadLinesAsync(
        string path,
        Channel<ReplayLine>[] lanes,
        ReplayTally tally,
        IProgress<ReplayProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (ReplayLineParser.Parse(number, text, out var reason) is not { } line)
            {
                var snapshot = tally.Add(new LineOutcome(number, LineResult.Rejected, reason));
                progress?.Report(snapshot);
                continue;
            }

            var lane = lanes.Length == 1 ? 0 : (int)((uint)line.Lane.GetHashCode(StringComparison.Ordinal) % (uint)lanes.Length);
            await lanes[lane].Writer.WriteAsync(line, cancellationToken);
        }
    }

    private async Task EnsureAppAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("api/health", cancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                throw new ReplayStoppedException(
                    $"RecruitOps at {_http.BaseAddress} answers but cannot reach its storage (is Azurite running?).");
            }
        }
        catch (HttpRequestException ex)
        {
            throw new ReplayStoppedException($"Nothing answers at {_http.BaseAddress} ({ex.Message}). Start it with ./eng/run.sh.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReplayStoppedException($"{_http.BaseAddress} did not answer GET api/health within 30 s.");
        }
    }
}
