namespace RecruitOps.Hardening;

/// <summary>
/// Sizes beyond which a request is refused before any function reads it. The record function has its own, tighter
/// 64 KiB body limit; these bound every route, including ones that read forms.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 256 * 1024;
    public const int MaxUrlLength = 4 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const int MaxHeaderCount = 64;
}
