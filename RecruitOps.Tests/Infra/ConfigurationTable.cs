using System.Text.RegularExpressions;

namespace RecruitOps.Tests.Infra;

/// <summary>
/// The configuration table of the docs: the first table under a heading containing "Configuration", whose first
/// column names settings in backticks (several per cell allowed) and whose "Default" column shows their defaults.
/// Read from README.md when it has such a section, else from docs/deploy.md, where it is written until it is folded
/// into the README.
/// </summary>
internal sealed partial class ConfigurationTable
{
    private readonly Dictionary<string, string> _defaults;

    private ConfigurationTable(string source, Dictionary<string, string> defaults)
    {
        Source = source;
        _defaults = defaults;
    }

    public string Source { get; }

    public IEnumerable<string> Names => _defaults.Keys;

    public static ConfigurationTable Load()
    {
        foreach (var candidate in new[] { RepositoryFiles.PathOf("README.md"), RepositoryFiles.PathOf("docs", "deploy.md") })
        {
            if (File.Exists(candidate) && Parse(File.ReadAllLines(candidate), candidate) is { } table)
            {
                return table;
            }
        }

        throw new InvalidOperationException(
            "Neither README.md nor docs/deploy.md has a table under a \"Configuration\" heading.");
    }

    public static ConfigurationTable? Parse(IReadOnlyList<string> lines, string source)
    {
        var heading = lines.Select((line, index) => (line, index)).FirstOrDefault(entry => IsConfigurationHeading(entry.line));
        if (heading.line is null)
        {
            return null;
        }

        var rows = lines.Skip(heading.index + 1)
            .TakeWhile(line => !line.StartsWith('#'))
            .SkipWhile(line => !line.TrimStart().StartsWith('|'))
            .TakeWhile(line => line.TrimStart().StartsWith('|'))
            .Select(Cells)
            .ToList();
        if (rows.Count < 2)
        {
            return null;
        }

        var defaultColumn = rows[0].FindIndex(cell => cell.Contains("default", StringComparison.OrdinalIgnoreCase));
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Skip(2))
        {
            var shownDefault = defaultColumn >= 0 && defaultColumn < row.Count ? row[defaultColumn] : "";
            foreach (Match name in CodeSpan().Matches(row[0]))
            {
                defaults[SettingName.Normalize(name.Groups[1].Value)] = shownDefault;
            }
        }

        return new ConfigurationTable(source, defaults);
    }

    public bool Documents(string name) => _defaults.ContainsKey(SettingName.Normalize(name));

    /// <summary>True when the connection string or one of the identity-based settings of a connection is there.</summary>
    public bool DocumentsConnection(string name) =>
        Names.Any(documented => SettingsAgreement.IsConnectionSetting(documented, name));

    public string? DefaultOf(string name) => _defaults.GetValueOrDefault(SettingName.Normalize(name));

    private static bool IsConfigurationHeading(string line) =>
        line.StartsWith('#') && line.Contains("Configuration", StringComparison.OrdinalIgnoreCase);

    private static List<string> Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
