using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace RecruitOps.Benchmarks.Streams;

/// <summary>The held streams, opened a batch at a time with bounded concurrency over several source addresses.</summary>
internal sealed class SubscriberPool : IAsyncDisposable
{
    private const int Attempts = 3;

    private readonly HttpClient _client;
    private readonly DeliveryLedger _ledger;
    private readonly List<StreamSubscriber> _subscribers = [];
    private readonly ConcurrentQueue<string> _errors = new();

    public SubscriberPool(Uri baseAddress, string token, DeliveryLedger ledger, LoopbackConnector connector)
    {
        _ledger = ledger;
        _client = new HttpClient(connector.CreateHandler()) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public int Opened => _subscribers.Count;

    public int Held => _subscribers.Count(subscriber => !subscriber.Ended);

    public IReadOnlyList<StreamSubscriber> Subscribers => _subscribers;

    public IEnumerable<string> Errors => _errors.Distinct();

    /// <summary>Opens <paramref name="count"/> more streams; returns how long until the last one's ready event and how many failed.</summary>
    public async Task<(TimeSpan Elapsed, int Failed)> OpenAsync(int count, int concurrency, CancellationToken cancellationToken)
    {
        var first = _subscribers.Count;
        var opened = new StreamSubscriber?[count];
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (offset, token) =>
            {
                opened[offset] = await OpenOneAsync(first + offset, token);
                if (opened[offset] is null)
                {
                    Interlocked.Increment(ref failed);
                }
            });
        var elapsed = clock.Elapsed;
        _subscribers.AddRange(opened.OfType<StreamSubscriber>());
        return (elapsed, failed);
    }

    private async Task<StreamSubscriber?> OpenOneAsync(int index, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                return await StreamSubscriber.OpenAsync(_client, index, _ledger, null, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                _errors.Enqueue(ex.Message);
                await Task.Delay(100 * attempt, cancellationToken);
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_subscribers, async (subscriber, _) => await subscriber.DisposeAsync());
        _subscribers.Clear();
        _client.Dispose();
    }
}
