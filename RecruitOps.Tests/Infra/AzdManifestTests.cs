namespace RecruitOps.Tests.Infra;

/// <summary>azure.yaml, which `azd up` reads, points at the project and the templates that exist.</summary>
[Trait("Category", "Infra")]
public sealed class AzdManifestTests
{
    [Fact]
    public void Azure_yaml_deploys_the_functions_project_with_the_templates_in_infra()
    {
        var values = File.ReadAllLines(RepositoryFiles.PathOf("azure.yaml"))
            .Select(line => line.Split('#')[0].Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[1].Trim().Length > 0)
            .ToLookup(parts => parts[0].Trim(), parts => parts[1].Trim());

        var project = RepositoryFiles.PathOf(values["project"].Single());
        var infra = RepositoryFiles.PathOf(values["path"].Single());

        Assert.True(File.Exists(Path.Combine(project, "RecruitOps.Functions.csproj")), $"azure.yaml project {project}");
        Assert.True(File.Exists(Path.Combine(infra, values["module"].Single() + ".bicep")), $"azure.yaml infra {infra}");
        Assert.True(File.Exists(Path.Combine(infra, values["module"].Single() + ".parameters.json")));
        Assert.Equal(["function"], values["host"]);
        Assert.Equal(["dotnet"], values["language"]);
    }
}
