namespace RecruitOps.Streaming;

/// <summary>
/// The ids one stream has sent, so it never sends one twice: a replayed operation also arriving live at the seam, or
/// one the bus delivers again. Bounded: when it is full the stream ends and the client resumes from its last id.
/// </summary>
public sealed class SentIds(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Remembers an id about to be sent; false when the memory is full and the stream must end instead.</summary>
    public bool TryAdd(string id)
    {
        if (_ids.Count >= capacity)
        {
            return false;
        }

        _ids.Add(id);
        return true;
    }
}
