using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace RecruitOps.Benchmarks.Streams;

/// <summary>
/// Which subscriber received which operation, and when. A frame often arrives before the POST that recorded it has
/// answered (the relay fans out before the response is written), so ids get a sequence number from whichever side
/// sees them first, and latencies are worked out at the end, from one arrival slot per subscriber and operation.
/// </summary>
internal sealed class DeliveryLedger
{
    private readonly int _subscribers;
    private readonly int _capacity;
    private readonly long _epoch = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, int> _sequences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly long[] _sentAt;
    private readonly bool[] _confirmed;
    private readonly bool[] _measured;
    // Microseconds after _epoch plus one, so 0 means "not received"; one slot per (subscriber, operation).
    private readonly int[] _arrivals;
    private long _deliveries;
    private long _duplicates;
    private long _unexpected;

    public DeliveryLedger(int subscribers, int operationCapacity)
    {
        _subscribers = subscribers;
        _capacity = operationCapacity;
        _sentAt = new long[operationCapacity];
        _confirmed = new bool[operationCapacity];
        _measured = new bool[operationCapacity];
        _arrivals = new int[checked(subscribers * operationCapacity)];
        _bySpan = _sequences.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public long Deliveries => Interlocked.Read(ref _deliveries);

    public int Confirmed => _sequences.Count(pair => pair.Value < _capacity && Volatile.Read(ref _confirmed[pair.Value]));

    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>
    /// Called when the POST answered with <paramref name="id"/>; <paramref name="sentAt"/> was taken just before
    /// sending. Warm-up operations (<paramref name="measured"/> false) are checked for delivery but not timed.
    /// </summary>
    public void Confirm(string id, long sentAt, bool measured = true)
    {
        var sequence = SequenceOf(id.AsSpan());
        if (sequence < 0)
        {
            throw new InvalidOperationException($"More operations were recorded than the ledger was sized for ({_capacity}).");
        }

        _sentAt[sequence] = sentAt;
        _measured[sequence] = measured;
        Volatile.Write(ref _confirmed[sequence], true);
    }

    /// <summary>Called by subscriber <paramref name="subscriber"/> for each <c>operation</c> frame.</summary>
    public void Record(int subscriber, ReadOnlySpan<byte> utf8Id, long arrivedAt)
    {
        Span<char> chars = stackalloc char[utf8Id.Length];
        var length = Encoding.UTF8.GetChars(utf8Id, chars);
        var sequence = SequenceOf(chars[..length]);
        Interlocked.Increment(ref _deliveries);
        if (sequence < 0 || (uint)subscriber >= (uint)_subscribers)
        {
            Interlocked.Increment(ref _unexpected);
            return;
        }

        var micros = (arrivedAt - _epoch) * 1_000_000 / Stopwatch.Frequency;
        var stamp = (int)Math.Min(micros + 1, int.MaxValue);
        if (Interlocked.CompareExchange(ref _arrivals[(subscriber * _capacity) + sequence], stamp, 0) != 0)
        {
            Interlocked.Increment(ref _duplicates);
        }
    }

    /// <summary>
    /// Counts, over every confirmed operation and every subscriber in <paramref name="expectedSubscribers"/>, the
    /// deliveries missing, and records each measured latency (arrival minus sent, in microseconds) in one histogram.
    /// Operations seen on streams but never confirmed by a POST of ours are reported as unexpected.
    /// </summary>
    public DeliveryReport Summarize(IEnumerable<int> expectedSubscribers)
    {
        var latency = LatencySummary.NewHistogram();
        var first = LatencySummary.NewHistogram();
        var spread = LatencySummary.NewHistogram();
        var subscribers = expectedSubscribers.ToArray();
        long missing = 0;
        var operations = 0;
        for (var sequence = 0; sequence < _capacity; sequence++)
        {
            if (!Volatile.Read(ref _confirmed[sequence]))
            {
                continue;
            }

            operations++;
            var sentMicros = (_sentAt[sequence] - _epoch) * 1_000_000 / Stopwatch.Frequency;
            var (earliest, latest) = (long.MaxValue, long.MinValue);
            foreach (var subscriber in subscribers)
            {
                var stamp = _arrivals[(subscriber * _capacity) + sequence];
                if (stamp == 0)
                {
                    missing++;
                    continue;
                }

                var micros = Math.Clamp(stamp - 1 - sentMicros, 0, LatencySummary.MaxMicroseconds);
                (earliest, latest) = (Math.Min(earliest, micros), Math.Max(latest, micros));
                if (_measured[sequence])
                {
                    latency.RecordValue(micros);
                }
            }

            if (_measured[sequence] && earliest <= latest)
            {
                first.RecordValue(earliest);
                spread.RecordValue(latest - earliest);
            }
        }

        var unconfirmed = _sequences.Count - operations;
        return new DeliveryReport(operations, subscribers.Length, LatencySummary.From(latency), missing,
            Interlocked.Read(ref _duplicates), Interlocked.Read(ref _unexpected), unconfirmed,
            LatencySummary.From(first), LatencySummary.From(spread));
    }

    private int SequenceOf(ReadOnlySpan<char> id)
    {
        if (_bySpan.TryGetValue(id, out var sequence))
        {
            return sequence;
        }

        lock (_gate)
        {
            if (_bySpan.TryGetValue(id, out sequence))
            {
                return sequence;
            }

            sequence = _sequences.Count < _capacity ? _sequences.Count : -1;
            if (sequence >= 0)
            {
                _bySpan.TryAdd(id, sequence);
            }

            return sequence;
        }
    }
}
