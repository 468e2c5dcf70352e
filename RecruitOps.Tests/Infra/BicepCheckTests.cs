using System.Text.Json.Nodes;

namespace RecruitOps.Tests.Infra;

/// <summary>eng/bicep.sh, the CI gate: the pinned Bicep CLI from NuGet builds and lints infra/ with no warnings.</summary>
[Collection(BicepTemplateGroup.Name)]
[Trait("Category", "Infra")]
public sealed class BicepCheckTests(BicepBuildFixture bicep)
{
    private static readonly string[] DescribedSections = ["parameters", "outputs"];

    [Fact]
    public void Bicep_build_and_lint_of_main_and_the_dev_parameters_pass_with_no_warnings()
    {
        var check = bicep.Check;

        Assert.True(check.ExitCode == 0, $"eng/bicep.sh exited {check.ExitCode}:\n{check.Output}");
        Assert.DoesNotContain(": Warning ", check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": Error ", check.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(check.OutputDirectory, "main.dev.parameters.json")));
    }

    [Fact]
    public async Task A_single_lint_warning_fails_the_check()
    {
        var copy = Directory.CreateTempSubdirectory("recruitops-infra-").FullName;
        try
        {
            CopyDirectory(RepositoryFiles.PathOf("infra"), copy);
            await File.AppendAllTextAsync(Path.Combine(copy, "main.bicep"),
                "\n@description('Never used.')\nparam unusedProbe string = 'x'\n", TestContext.Current.CancellationToken);

            var check = await BicepCheck.RunAsync(Path.Combine(copy, "out"), copy, TestContext.Current.CancellationToken);

            Assert.NotEqual(0, check.ExitCode);
            Assert.Contains("no-unused-params", check.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Every_parameter_and_output_of_every_module_has_a_description()
    {
        var undescribed =
            from template in bicep.Template.Templates()
            from section in DescribedSections
            from entry in template[section]?.AsObject() ?? []
            where string.IsNullOrWhiteSpace((string?)entry.Value?["metadata"]?["description"])
            select $"{section} {entry.Key}";

        Assert.Empty(undescribed);
    }

    [Fact]
    public void The_azd_parameters_file_sets_every_required_parameter_and_no_unknown_one()
    {
        var declared = bicep.Template.Root["parameters"]!.AsObject();
        var file = File.ReadAllText(RepositoryFiles.PathOf("infra", "main.parameters.json"));
        var given = JsonNode.Parse(file)!["parameters"]!.AsObject();

        Assert.All(given, entry => Assert.True(declared.ContainsKey(entry.Key), $"main.bicep has no parameter {entry.Key}."));
        var required = declared.Where(entry => entry.Value?["defaultValue"] is null).Select(entry => entry.Key);
        Assert.All(required, name => Assert.True(given.ContainsKey(name), $"main.parameters.json does not set {name}."));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
