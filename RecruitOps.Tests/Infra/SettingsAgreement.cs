using System.Text.RegularExpressions;

namespace RecruitOps.Tests.Infra;

/// <summary>Where the settings the code reads, the settings the Bicep sets and the documented ones disagree.</summary>
internal static class SettingsAgreement
{
    /// <summary>Settings the code reads that the Bicep does not set and the configuration table does not document.</summary>
    public static IEnumerable<CodeSetting> Unaccounted(
        IEnumerable<CodeSetting> code, IEnumerable<string> bicep, ConfigurationTable docs)
    {
        var set = bicep.Select(SettingName.Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return code.Where(setting => setting.IsConnection
            ? !set.Any(name => IsConnectionSetting(name, setting.Name)) && !docs.DocumentsConnection(setting.Name)
            : !set.Contains(setting.Name) && !docs.Documents(setting.Name));
    }

    /// <summary>
    /// Settings the Bicep sets under a section the code knows that the code does not read: a misspelt property, or
    /// a connection property the Azure SDK does not know. Sections the code does not know are checked by the docs.
    /// </summary>
    public static IEnumerable<string> UnknownToCode(IEnumerable<string> bicep, IReadOnlyList<CodeSetting> code)
    {
        var read = code.Select(setting => setting.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var connections = code.Where(setting => setting.IsConnection).Select(setting => setting.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sections = read.Select(SettingName.Section).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in bicep.Select(SettingName.Normalize))
        {
            var section = SettingName.Section(name);
            var rest = name.Length > section.Length ? name[(section.Length + SettingName.Separator.Length)..] : "";
            var known = read.Contains(name)
                || (connections.Contains(section) && CodeSettings.ConnectionProperties.Contains(rest));
            if (sections.Contains(section) && !known)
            {
                yield return name;
            }
        }
    }

    /// <summary>Documented defaults that do not show the options class's initial value.</summary>
    public static IEnumerable<string> WrongDefaults(IEnumerable<CodeSetting> code, ConfigurationTable docs) =>
        from setting in code
        where setting.Default is not null && docs.Documents(setting.Name)
        let shown = docs.DefaultOf(setting.Name)!.Replace("`", "", StringComparison.Ordinal)
        where !Shows(shown, setting.Default!)
        select $"{setting.Name}: the code's default is {setting.Default}, {docs.Source} shows \"{shown}\"";

    // As a whole word: a default of 30 is not shown by "300".
    private static bool Shows(string cell, string value) =>
        Regex.IsMatch(cell, $@"(?<![\w.]){Regex.Escape(value)}(?![\w.])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The connection itself (a connection string) or one of its identity-based settings.</summary>
    public static bool IsConnectionSetting(string name, string connection)
    {
        if (name.Equals(connection, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var prefix = connection + SettingName.Separator;
        return name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && CodeSettings.ConnectionProperties.Contains(name[prefix.Length..]);
    }
}
