namespace RecruitOps.Health;

/// <summary>Whether Table Storage answered a one-row query within the probe's timeout.</summary>
public sealed record StorageHealth(bool Reachable);
