namespace RecruitOps.Tests.Infra;

/// <summary>The tests that share one compilation of infra/main.bicep.</summary>
[CollectionDefinition(Name)]
public sealed class BicepTemplateGroup : ICollectionFixture<BicepBuildFixture>
{
    public const string Name = "Bicep";
}
