namespace RecruitOps.Operations;

/// <summary>A history query: newest first, optionally one recruit, continuing after an opaque cursor.</summary>
public sealed record PageRequest(string? RecruitId, int Limit, string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}
