namespace RecruitOps.Tests.Infra;

/// <summary>Compiles and lints the Bicep once for every test that reads the compiled template.</summary>
public sealed class BicepBuildFixture : IAsyncLifetime
{
    private readonly string _outputDirectory = Path.Combine(Path.GetTempPath(), $"recruitops-bicep-{Guid.NewGuid():N}");
    private BicepCheck? _check;
    private CompiledTemplate? _template;

    internal BicepCheck Check => _check ?? throw new InvalidOperationException("The Bicep check has not run.");

    /// <summary>infra/main.bicep compiled to ARM JSON, or a clear failure when the build itself failed.</summary>
    internal CompiledTemplate Template => _template
        ?? throw new InvalidOperationException($"eng/bicep.sh exited {Check.ExitCode} without a template:\n{Check.Output}");

    public async ValueTask InitializeAsync()
    {
        _check = await BicepCheck.RunAsync(_outputDirectory, infraDirectory: null, TestContext.Current.CancellationToken);
        var compiled = Path.Combine(_outputDirectory, "main.json");
        if (File.Exists(compiled))
        {
            _template = CompiledTemplate.Load(compiled);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_outputDirectory))
        {
            Directory.Delete(_outputDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
