namespace RecruitOps.Tests.Infra;

/// <summary>A made-up options class the agreement check is tested on; it follows the app's conventions.</summary>
public sealed class ProbeOptions
{
    public const string SectionName = "Probe";

    public const string ProbeStorageConnectionName = "ProbeStorage";

    public string? ConnectionString { get; set; }

    public int Documented { get; set; } = 15;

    public int Mismatched { get; set; } = 30;

    public string? Undeclared { get; set; }

    public string? AfterTheSection { get; set; }

    public string[] Origins { get; set; } = [];

    public ProbeNested Nested { get; set; } = new();

    /// <summary>Read-only: not bound from configuration, so not a setting.</summary>
    public int Computed => Documented * 2;
}
