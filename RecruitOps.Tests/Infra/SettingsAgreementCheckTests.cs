namespace RecruitOps.Tests.Infra;

/// <summary>The agreement check itself: it must fail for a setting nobody set or documented.</summary>
[Trait("Category", "Infra")]
public sealed class SettingsAgreementCheckTests
{
    private static readonly string[] DocsWithProbeRows =
    [
        "# Deploy",
        "## Configuration",
        "",
        "| setting | meaning | default | set by Bicep |",
        "|---|---|---|---|",
        "| `Probe__Documented` | documented only | `15` | no |",
        "| `Probe__Mismatched` | documented with another default | 300 | no |",
        "",
        "```bash",
        "# a comment in a code block, not a heading",
        "```",
        "### Lists",
        "| setting | meaning | default |",
        "|---|---|---|",
        "| `Probe__Origins__0`, `__1`, ... | a list | none |",
        "",
        "| output | use |",
        "|---|---|",
        "| `Probe__Undeclared` | not a settings table |",
        "",
        "## Tear down",
        "| `Probe__AfterTheSection` | not in the configuration table | | |",
    ];

    private static readonly IReadOnlyList<CodeSetting> ProbeSettings =
        CodeSettings.Collect(typeof(ProbeOptions).Assembly)
            .Where(setting => setting.Source.StartsWith("Probe", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public void Options_properties_and_connection_names_are_found_by_convention()
    {
        var names = ProbeSettings.Select(setting => setting.Name).Order().ToList();

        Assert.Equal(
            [
                "Probe", "Probe__AfterTheSection", "Probe__Documented", "Probe__Mismatched", "Probe__Nested__Depth",
                "Probe__Origins", "Probe__Undeclared", "ProbeStorage",
            ],
            names);
        Assert.True(ProbeSettings.Single(setting => setting.Name == "Probe").IsConnection);
        Assert.Equal("15", ProbeSettings.Single(setting => setting.Name == "Probe__Documented").Default);
    }

    [Fact]
    public void A_setting_that_is_neither_set_nor_documented_is_reported()
    {
        var docs = ConfigurationTable.Parse(DocsWithProbeRows, "probe.md")!;
        string[] bicep = ["Probe__Nested__Depth", "ProbeStorage__tableServiceUri"];

        var unaccounted = SettingsAgreement.Unaccounted(ProbeSettings, bicep, docs).Select(setting => setting.Name).Order();

        Assert.Equal(["Probe", "Probe__AfterTheSection", "Probe__Undeclared"], unaccounted);
    }

    [Fact]
    public void A_misspelt_setting_in_a_known_section_is_reported()
    {
        string[] bicep =
        [
            "Probe__Documented", "Probe__Documneted", "ProbeStorage__tableServiceUri", "ProbeStorage__tableUri",
            "Elsewhere__Anything",
        ];

        var unknown = SettingsAgreement.UnknownToCode(bicep, ProbeSettings).ToList();

        Assert.Equal(["Probe__Documneted", "ProbeStorage__tableUri"], unknown);
    }

    [Fact]
    public void A_documented_default_that_differs_from_the_code_is_reported()
    {
        var docs = ConfigurationTable.Parse(DocsWithProbeRows, "probe.md")!;

        var wrong = SettingsAgreement.WrongDefaults(ProbeSettings, docs).ToList();

        Assert.Equal(["Probe__Mismatched: the code's default is 30, probe.md shows \"300\""], wrong);
    }
}
