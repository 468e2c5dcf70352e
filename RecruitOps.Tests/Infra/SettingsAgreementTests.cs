using RecruitOps.Hosting;

namespace RecruitOps.Tests.Infra;

/// <summary>
/// Every setting the app reads is set by infra/ or documented with its default, and every setting infra/ sets is
/// one the app (or the platform) reads. Settings come from the code by convention (see <see cref="CodeSettings"/>).
/// </summary>
[Collection(BicepTemplateGroup.Name)]
[Trait("Category", "Infra")]
public sealed class SettingsAgreementTests(BicepBuildFixture bicep)
{
    private static readonly IReadOnlyList<CodeSetting> Code = CodeSettings.Collect(typeof(RecruitOpsServices).Assembly);

    [Fact]
    public void Every_setting_the_code_reads_is_set_by_the_Bicep_or_documented_in_the_configuration_table()
    {
        var docs = ConfigurationTable.Load();

        var unaccounted = SettingsAgreement.Unaccounted(Code, bicep.Template.AppSettings().Keys, docs).ToList();

        Assert.Contains(Code, setting => setting.Name == RecruitOpsServices.StorageConnectionName && setting.IsConnection);
        Assert.True(unaccounted.Count == 0,
            $"Set these in infra/modules/functionapp.bicep or add them to the table in {docs.Source}:\n"
            + string.Join("\n", unaccounted.Select(setting => $"  {setting.Name} (read by {setting.Source})")));
    }

    [Fact]
    public void Every_setting_the_Bicep_sets_under_a_section_the_code_knows_is_one_the_code_reads()
    {
        var unknown = SettingsAgreement.UnknownToCode(bicep.Template.AppSettings().Keys, Code).ToList();

        Assert.True(unknown.Count == 0, "infra/ sets settings nothing reads:\n  " + string.Join("\n  ", unknown));
    }

    [Fact]
    public void Every_setting_the_Bicep_sets_is_in_the_configuration_table()
    {
        var docs = ConfigurationTable.Load();

        var undocumented = bicep.Template.AppSettings().Keys.Where(name => !docs.Documents(name)).ToList();

        Assert.True(undocumented.Count == 0, $"Add these to the table in {docs.Source}:\n  " + string.Join("\n  ", undocumented));
    }

    [Fact]
    public void Documented_defaults_are_the_defaults_in_the_code()
    {
        var docs = ConfigurationTable.Load();

        var wrong = SettingsAgreement.WrongDefaults(Code, docs).ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Connections_use_a_managed_identity_and_never_a_connection_string()
    {
        var settings = bicep.Template.AppSettings();

        foreach (var connection in new[] { "AzureWebJobsStorage", RecruitOpsServices.StorageConnectionName, "ServiceBus" })
        {
            Assert.DoesNotContain(connection, settings.Keys);
            Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
            Assert.Contains($"{connection}__clientId", settings.Keys);
        }

        Assert.Contains("OperationsStorage__tableServiceUri", settings.Keys);
        Assert.Contains("ServiceBus__fullyQualifiedNamespace", settings.Keys);
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.Contains(";Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Equal("false", settings["Auth__LocalSignInEnabled"]);
    }
}
