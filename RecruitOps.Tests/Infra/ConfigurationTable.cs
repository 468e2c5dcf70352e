using System.Text.RegularExpressions;

namespace RecruitOps.Tests.Infra;

/// <summary>
/// The configuration table of the docs: every table under the heading containing "Configuration" whose first column,
/// headed "setting", names settings in backticks (several per cell allowed) and whose "default" column shows defaults.
/// Read from README.md, the one place an infra engineer looks for it.
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
        var readme = RepositoryFiles.PathOf("README.md");
        return Parse(File.ReadAllLines(readme), readme)
            ?? throw new InvalidOperationException("README.md has no table under a \"Configuration\" heading.");
    }

    public static ConfigurationTable? Parse(IReadOnlyList<string> lines, string source)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in SettingTables(ConfigurationSection(lines)))
        {
            var defaultColumn = table[0].FindIndex(cell => cell.Contains("default", StringComparison.OrdinalIgnoreCase));
            foreach (var row in table.Skip(2))
            {
                var shownDefault = defaultColumn >= 0 && defaultColumn < row.Count ? row[defaultColumn] : "";
                foreach (Match name in CodeSpan().Matches(row[0]))
                {
                    defaults[SettingName.Normalize(name.Groups[1].Value)] = shownDefault;
                }
            }
        }

        return defaults.Count == 0 ? null : new ConfigurationTable(source, defaults);
    }

    public bool Documents(string name) => _defaults.ContainsKey(SettingName.Normalize(name));

    /// <summary>True when the connection string or one of the identity-based settings of a connection is there.</summary>
    public bool DocumentsConnection(string name) =>
        Names.Any(documented => SettingsAgreement.IsConnectionSetting(documented, name));

    public string? DefaultOf(string name) => _defaults.GetValueOrDefault(SettingName.Normalize(name));

    /// <summary>Lines under the first heading containing "Configuration", up to a heading of its level or higher.</summary>
    private static List<string> ConfigurationSection(IReadOnlyList<string> lines)
    {
        var section = new List<string>();
        int? level = null;
        var inCode = false;
        foreach (var line in lines)
        {
            inCode ^= line.TrimStart().StartsWith("```", StringComparison.Ordinal);
            var headingLevel = inCode ? 0 : line.TakeWhile(character => character == '#').Count();
            if (level is null)
            {
                var opens = headingLevel > 0 && line.Contains("Configuration", StringComparison.OrdinalIgnoreCase);
                level = opens ? headingLevel : null;
            }
            else if (headingLevel > 0 && headingLevel <= level)
            {
                break;
            }
            else
            {
                section.Add(line);
            }
        }

        return section;
    }

    /// <summary>Tables whose first column is headed "setting"; each row split into cells.</summary>
    private static IEnumerable<List<List<string>>> SettingTables(List<string> section)
    {
        var table = new List<List<string>>();
        foreach (var line in section.Append(""))
        {
            if (line.TrimStart().StartsWith('|'))
            {
                table.Add(line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList());
                continue;
            }

            if (table.Count > 2 && table[0][0].Contains("setting", StringComparison.OrdinalIgnoreCase))
            {
                yield return table;
            }

            table = [];
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
