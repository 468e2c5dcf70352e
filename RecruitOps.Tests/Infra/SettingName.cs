using System.Text.RegularExpressions;

namespace RecruitOps.Tests.Infra;

/// <summary>App setting names as configuration sees them: case-insensitive, <c>__</c> between levels.</summary>
internal static partial class SettingName
{
    public const string Separator = "__";

    /// <summary>
    /// A list element (<c>Auth__AllowedOrigins__0</c>, or <c>__&lt;n&gt;</c> in the docs) stands for its list;
    /// <c>:</c> (the Windows and appsettings.json spelling) becomes <c>__</c>.
    /// </summary>
    public static string Normalize(string name) =>
        ListIndex().Replace(name.Trim().Replace(":", Separator, StringComparison.Ordinal), "");

    /// <summary>The first level: the section or connection name.</summary>
    public static string Section(string name) => name.Split(Separator)[0];

    [GeneratedRegex(@"(__(\d+|<n>|\{\d+\}))+$", RegexOptions.IgnoreCase)]
    private static partial Regex ListIndex();
}
