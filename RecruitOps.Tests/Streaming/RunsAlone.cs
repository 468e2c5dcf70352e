namespace RecruitOps.Tests.Streaming;

/// <summary>Tests that load the machine on purpose run alone, so they neither starve nor are starved by others.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class RunsAlone;
