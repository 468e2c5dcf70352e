using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RecruitOps.Tests.Infra;

/// <summary>
/// infra/main.parameters.json, which azd fills from the azd environment: every entry names a parameter the template
/// has, and the settings a deployer chooses per environment can be set there without editing the file.
/// </summary>
[Collection(BicepTemplateGroup.Name)]
[Trait("Category", "Infra")]
public sealed partial class AzdParametersTests(BicepBuildFixture bicep)
{
    private static readonly JsonObject Mapped =
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("infra", "main.parameters.json")))!["parameters"]!.AsObject();

    [Fact]
    public void Every_mapped_parameter_exists_in_the_template()
    {
        var declared = bicep.Template.Root["parameters"]!.AsObject();

        var unknown = Mapped.Select(entry => entry.Key).Where(name => !declared.ContainsKey(name)).ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("authAuthority")]
    [InlineData("authAudience")]
    [InlineData("authAllowedOrigins")]
    [InlineData("serviceBusSubscriptionName")]
    public void Optional_deployment_choices_come_from_an_environment_variable_that_falls_back_to_the_template_default(
        string parameter)
    {
        var value = (string?)Mapped[parameter]?["value"];
        var templateDefault = bicep.Template.Root["parameters"]![parameter]!["defaultValue"];

        var reference = EnvironmentReference().Match(value ?? "");

        Assert.True(reference.Success, $"{parameter} is not mapped to an azd environment variable: {value}");
        // Unset, a string reference becomes ""; an array needs an explicit "[]" that azd parses as JSON.
        var expected = templateDefault is JsonArray ? templateDefault.ToJsonString() : (string?)templateDefault;
        Assert.Equal(expected, reference.Groups["fallback"].Value);
    }

    // azd's substitution: ${NAME}, or ${NAME=fallback} when NAME is unset.
    [GeneratedRegex(@"^\$\{(?<name>[A-Z][A-Z0-9_]*)(?:=(?<fallback>[^}]*))?\}$")]
    private static partial Regex EnvironmentReference();
}
