using System.ComponentModel.DataAnnotations;

namespace RecruitOps.Hardening;

/// <summary>
/// Token buckets per caller: per token subject for signed-in callers, per remote address otherwise. The defaults
/// leave room for the replay command and the benchmark on one machine; tests and load runs raise or lower them.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Writes (POST) one signed-in caller may make per second, sustained.</summary>
    [Range(1, 1_000_000)]
    public int WritesPerSecond { get; set; } = 100;

    /// <summary>Writes one caller may make at once before the sustained rate applies.</summary>
    [Range(1, 1_000_000)]
    public int WriteBurst { get; set; } = 200;

    [Range(1, 1_000_000)]
    public int ReadsPerSecond { get; set; } = 100;

    [Range(1, 1_000_000)]
    public int ReadBurst { get; set; } = 200;

    /// <summary>Requests without a valid token (page shell, health, refused calls), per remote address.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPerSecond { get; set; } = 50;

    [Range(1, 1_000_000)]
    public int AnonymousBurst { get; set; } = 100;

    /// <summary>Live streams one signed-in caller may hold open at once on one instance (tabs, windows, devices).</summary>
    [Range(1, 1_000_000)]
    public int StreamsPerCaller { get; set; } = 20;
}
