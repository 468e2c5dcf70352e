using System.Diagnostics;

namespace RecruitOps.Tests.Hosting;

/// <summary>The app as it is run: a refused setting ends the process with exit code 1 and one plain line.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_refused_setting_exits_with_code_1_and_names_the_setting_instead_of_crashing()
    {
        var start = new ProcessStartInfo("dotnet", ["RecruitOps.Functions.dll", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["OperationsStorage"] = "UseDevelopmentStorage=true";
        start.Environment["Auth__SigningKey"] = "too-short";
        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = app.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await app.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, app.ExitCode);
        Assert.Contains("RecruitOps did not start: Auth:SigningKey must be at least 32 bytes", await errors, StringComparison.Ordinal);
        await output;
    }
}
