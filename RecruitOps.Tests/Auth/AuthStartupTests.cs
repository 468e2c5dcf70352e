using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RecruitOps.Hosting;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Auth;

/// <summary>A setting that would leave the app forgeable or open stops start-up with a message naming it.</summary>
public sealed class AuthStartupTests
{
    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "Auth:SigningKey", "only-31-bytes-long-aaaaaaaaaaaa", "Auth:SigningKey" },
        { "Auth:SigningKey", "", "Auth:SigningKey" },
        { "Auth:SigningKey", "@Microsoft.KeyVault(SecretUri=https://kv-dev-abc.vault.azure.net/secrets/auth-signing-key/)", "Auth:SigningKey" },
        { "Auth:Authority", "https://login.example/tenant/v2.0", "Auth:Audience" },
        { "Auth:Authority", "http://login.example/tenant/v2.0", "Auth:Authority" },
        { "Auth:AllowedOrigins:0", "*", "Auth:AllowedOrigins" },
        { "Auth:AllowedOrigins:0", "https://app.example/path", "Auth:AllowedOrigins" },
        { "Auth:ReaderRoles:0", "kancho leader", "Auth:ReaderRoles" },
        { "RateLimit:WritesPerSecond", "0", "WritesPerSecond" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_start_up_naming_it(string key, string? value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Local_sign_in_outside_development_stops_start_up_naming_the_setting(string environment)
    {
        await using var app = StandaloneHost.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [RecruitOpsServices.StorageConnectionName] = TestApp.StorageConnectionString,
                ["Auth:SigningKey"] = TestApp.SigningKey,
                ["Auth:LocalSignInEnabled"] = "true",
            }));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Auth:LocalSignInEnabled", failure.Message, StringComparison.Ordinal);
    }
}
