using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace RecruitOps.Operations;

/// <summary>
/// Operation ids: 26 characters of Crockford base32, a 48-bit millisecond timestamp followed by 80 random bits
/// (the ULID layout). They sort in record order, are unique across instances recording in the same millisecond,
/// and use only <c>0-9 A-Z</c> so they are safe in URLs, table keys and SSE <c>id:</c> lines.
/// Within one instance ids are strictly increasing: a second id in the same millisecond increments the random part.
/// </summary>
public sealed class OperationIdGenerator(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private long _lastMilliseconds = -1;
    private UInt128 _lastRandom;

    public string Next() => NextAt(timeProvider.GetUtcNow()).Id;

    /// <summary>Returns a new id and the exact time it encodes, which becomes the operation's <c>recordedAt</c>.</summary>
    public (string Id, DateTimeOffset Time) NextAt(DateTimeOffset now)
    {
        var milliseconds = now.ToUnixTimeMilliseconds();
        UInt128 random;
        lock (_gate)
        {
            if (milliseconds <= _lastMilliseconds)
            {
                // Same (or a stepped-back) clock: keep ordering by continuing from the last id.
                milliseconds = _lastMilliseconds;
                random = _lastRandom + 1;
                if (random >> 80 != 0)
                {
                    milliseconds++;
                    random = NewRandom();
                }
            }
            else
            {
                random = NewRandom();
            }

            _lastMilliseconds = milliseconds;
            _lastRandom = random;
        }

        return (OperationId.Format(milliseconds, random), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
    }

    private static UInt128 NewRandom()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[..10]);
        bytes[10..].Clear();
        // Leave the top bit clear so an increment within one millisecond never overflows in practice.
        bytes[9] &= 0x7F;
        return new UInt128(
            (ulong)bytes[8] | ((ulong)bytes[9] << 8),
            BitConverter.ToUInt64(bytes[..8]));
    }
}

/// <summary>Parsing, formatting and ordering helpers for operation ids.</summary>
public static class OperationId
{
    public const int Length = 26;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);
    /// <summary>
    /// The end of year 9999: 48 bits reach further, but <see cref="DateTimeOffset"/> does not, and an id past it
    /// (<c>7ZZZ…</c>, which anyone can type into a URL) must be invalid rather than throw while decoding.
    /// </summary>
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static string Format(long milliseconds, UInt128 random)
    {
        Span<char> chars = stackalloc char[Length];
        var time = (ulong)milliseconds;
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(time & 31)];
            time >>= 5;
        }

        for (var i = Length - 1; i >= 10; i--)
        {
            chars[i] = Alphabet[(int)(random & 31)];
            random >>= 5;
        }

        return new string(chars);
    }

    /// <summary>A position at a moment with no operation behind it (all random bits zero), used as a resume point.</summary>
    public static string AtTime(DateTimeOffset time) => Format(time.ToUnixTimeMilliseconds(), UInt128.Zero);

    /// <summary>True for a well-formed id: exactly 26 upper-case Crockford characters and a timestamp in range.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value) => TryGetTime(value, out _);

    public static bool TryGetTime([NotNullWhen(true)] string? value, out DateTimeOffset time)
    {
        time = default;
        if (value is null || value.Length != Length)
        {
            return false;
        }

        long milliseconds = 0;
        foreach (var c in value.AsSpan(0, 10))
        {
            var index = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            milliseconds = (milliseconds << 5) | (uint)index;
        }

        if (milliseconds > MaxMilliseconds || value.AsSpan(10).IndexOfAnyExcept(AlphabetValues) >= 0)
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    /// <summary>
    /// Decodes a well-formed id (or time position) and formats it again from its parts, so what comes back is text
    /// this class wrote, never the caller's.
    /// </summary>
    public static bool TryNormalize([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (!TryGetTime(value, out var time))
        {
            return false;
        }

        UInt128 random = 0;
        foreach (var c in value.AsSpan(10))
        {
            random = (random << 5) | (uint)Alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        id = Format(time.ToUnixTimeMilliseconds(), random);
        return true;
    }

    /// <summary>True when <paramref name="inverted"/> is the <see cref="Invert"/> of a well-formed id.</summary>
    public static bool IsValidInverted(ReadOnlySpan<char> inverted) =>
        inverted.Length == Length && inverted.IndexOfAnyExcept(AlphabetValues) < 0 && IsValid(Invert(inverted.ToString()));

    /// <summary>True for a time-only position made by <see cref="AtTime"/> rather than a recorded operation.</summary>
    public static bool IsTimePosition(string id) => id.AsSpan(10).IndexOfAnyExcept('0') < 0;

    /// <summary>
    /// Maps each character to its mirror in the alphabet, so inverted ids sort newest first: Table Storage only
    /// returns rows in ascending key order.
    /// </summary>
    public static string Invert(string id) =>
        string.Create(id.Length, id, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Alphabet[31 - Alphabet.IndexOf(source[i], StringComparison.Ordinal)];
            }
        });
}
