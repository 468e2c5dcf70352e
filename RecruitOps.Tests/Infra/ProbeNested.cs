namespace RecruitOps.Tests.Infra;

/// <summary>A nested options object: its properties are settings one level further down.</summary>
public sealed class ProbeNested
{
    public int Depth { get; set; } = 1;
}
