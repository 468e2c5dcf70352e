namespace RecruitOps.Benchmarks.Streams;

/// <summary>
/// Finds event boundaries, <c>event:</c> and <c>id:</c> in a server-sent event stream, fed in arbitrary chunks, and
/// skips <c>data:</c> without buffering it. A benchmark client holding tens of thousands of streams needs only
/// which event arrived and when; <see cref="System.Net.ServerSentEvents.SseParser"/> would keep a growing line buffer
/// and a string per event for each of them. Follows the WHATWG parsing rules for what it keeps: CR, LF or CRLF end a
/// line, one space after the colon is dropped, a blank line dispatches an event only if it had data, the last id
/// carries over to later events, an id containing NUL is ignored.
/// </summary>
internal sealed class SseFrameScanner
{
    // Ids and event types in this API are short; longer values are truncated and reported as such.
    private const int MaxValue = 64;
    private const int MaxName = 5;

    private readonly byte[] _name = new byte[MaxName];
    private readonly byte[] _value = new byte[MaxValue];
    private readonly byte[] _eventType = new byte[MaxValue];
    private readonly byte[] _lastEventId = new byte[MaxValue];
    private int _nameLength;
    private int _valueLength;
    private int _eventTypeLength;
    private int _lastEventIdLength;
    private bool _inValue;
    private bool _skipSpace;
    private bool _lineHasBytes;
    private bool _afterCarriageReturn;
    private bool _hasData;
    private bool _ignoreLine;

    /// <summary>Scans one chunk; events completed in it go to <paramref name="sink"/> in order.</summary>
    public void Scan(ReadOnlySpan<byte> chunk, ISseFrameSink sink)
    {
        foreach (var b in chunk)
        {
            if (b == (byte)'\n' && _afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                continue;
            }

            _afterCarriageReturn = b == (byte)'\r';
            if (b is (byte)'\n' or (byte)'\r')
            {
                EndLine(sink);
            }
            else
            {
                Take(b);
            }
        }
    }

    private void Take(byte b)
    {
        var first = !_lineHasBytes;
        _lineHasBytes = true;
        if (_ignoreLine)
        {
            return;
        }

        if (!_inValue)
        {
            if (b == (byte)':')
            {
                // A line starting with a colon is a comment (the heartbeat); otherwise the field's value begins.
                _ignoreLine = first;
                _inValue = true;
                _skipSpace = true;
            }
            else if (_nameLength < MaxName)
            {
                _name[_nameLength++] = b;
            }
            else
            {
                _ignoreLine = true;
            }

            return;
        }

        if (_skipSpace && b == (byte)' ')
        {
            _skipSpace = false;
            return;
        }

        _skipSpace = false;
        if (_valueLength < MaxValue && IsKept())
        {
            _value[_valueLength++] = b;
        }
    }

    private bool IsKept() => Named("id"u8) || Named("event"u8);

    private bool Named(ReadOnlySpan<byte> field) => _name.AsSpan(0, _nameLength).SequenceEqual(field);

    private void EndLine(ISseFrameSink sink)
    {
        if (!_lineHasBytes)
        {
            Dispatch(sink);
        }
        else if (!_ignoreLine)
        {
            ApplyField();
        }

        _nameLength = 0;
        _valueLength = 0;
        _inValue = false;
        _skipSpace = false;
        _lineHasBytes = false;
        _ignoreLine = false;
    }

    private void ApplyField()
    {
        var value = _value.AsSpan(0, _valueLength);
        if (Named("data"u8))
        {
            _hasData = true;
        }
        else if (Named("event"u8))
        {
            value.CopyTo(_eventType);
            _eventTypeLength = value.Length;
        }
        else if (Named("id"u8) && !value.Contains((byte)0))
        {
            value.CopyTo(_lastEventId);
            _lastEventIdLength = value.Length;
        }
    }

    private void Dispatch(ISseFrameSink sink)
    {
        if (_hasData)
        {
            var eventType = _eventTypeLength > 0 ? _eventType.AsSpan(0, _eventTypeLength) : "message"u8;
            sink.OnFrame(eventType, _lastEventId.AsSpan(0, _lastEventIdLength));
        }

        _hasData = false;
        _eventTypeLength = 0;
    }
}
