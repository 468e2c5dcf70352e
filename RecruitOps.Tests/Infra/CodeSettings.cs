using System.Globalization;
using System.Reflection;

namespace RecruitOps.Tests.Infra;

/// <summary>
/// Finds every setting an assembly reads, by the conventions the code follows:
/// <list type="bullet">
/// <item>each <c>*Options</c> class with a <c>SectionName</c> constant binds <c>Section__Property</c> for each settable
/// property (nested classes one level further down);</item>
/// <item>an options property named <c>ConnectionString</c> is the section's own value, so the section is a connection
/// (the Azure Functions convention: <c>ServiceBus</c> or <c>ServiceBus__fullyQualifiedNamespace</c>);</item>
/// <item>each <c>const string</c> named <c>*ConnectionName</c> is a connection (e.g. <c>OperationsStorage</c>).</item>
/// </list>
/// </summary>
internal static class CodeSettings
{
    public const string SectionNameField = "SectionName";
    public const string ConnectionNameSuffix = "ConnectionName";
    public const string ConnectionStringProperty = "ConnectionString";

    /// <summary>The identity-based sub-settings the Azure SDK and the Functions host read under a connection name.</summary>
    public static readonly IReadOnlySet<string> ConnectionProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "tableServiceUri", "blobServiceUri", "queueServiceUri", "serviceUri", "accountName",
        "fullyQualifiedNamespace", "credential", "clientId",
    };

    public static IReadOnlyList<CodeSetting> Collect(Assembly assembly)
    {
        var settings = new List<CodeSetting>();
        // Static classes (abstract and sealed to reflection) hold connection names too.
        foreach (var type in assembly.GetTypes().Where(type => type.IsClass))
        {
            var isOptions = !type.IsAbstract && type.Name.EndsWith("Options", StringComparison.Ordinal);
            if (isOptions && Constant(type, SectionNameField) is { } section)
            {
                settings.AddRange(OptionSettings(type, section, $"{type.Name}", depth: 0));
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (field.IsLiteral && field.FieldType == typeof(string)
                    && field.Name.EndsWith(ConnectionNameSuffix, StringComparison.Ordinal))
                {
                    var name = (string)field.GetRawConstantValue()!;
                    settings.Add(new CodeSetting(name, $"{type.Name}.{field.Name}", IsConnection: true, Default: null));
                }
            }
        }

        return settings;
    }

    /// <summary>The options classes by section name, for checking that a setting the Bicep sets exists.</summary>
    public static IReadOnlyDictionary<string, Type> OptionsBySection(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => type.IsClass && type.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(type => (Type: type, Section: Constant(type, SectionNameField)))
            .Where(entry => entry.Section is not null)
            .ToDictionary(entry => entry.Section!, entry => entry.Type, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<CodeSetting> OptionSettings(Type type, string prefix, string source, int depth)
    {
        var instance = type.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(type);
        var bound = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true);
        foreach (var property in bound)
        {
            var name = $"{prefix}{SettingName.Separator}{property.Name}";
            var readBy = $"{source}.{property.Name}";
            if (property.Name == ConnectionStringProperty)
            {
                yield return new CodeSetting(prefix, readBy, IsConnection: true, Default: null);
            }
            else if (IsNested(property.PropertyType) && depth < 3)
            {
                foreach (var nested in OptionSettings(property.PropertyType, name, readBy, depth + 1))
                {
                    yield return nested;
                }
            }
            else
            {
                var initial = instance is null ? null : property.GetValue(instance);
                yield return new CodeSetting(name, readBy, IsConnection: false, Shown(initial));
            }
        }
    }

    // The app's own classes bind property by property; framework types (string, Uri, lists) bind from one value.
    private static bool IsNested(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true
        && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static string? Shown(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        string text => text.Length == 0 ? null : text,
        IFormattable formattable when value.GetType().IsPrimitive || value is TimeSpan || value.GetType().IsEnum
            => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? Constant(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
            && field.FieldType == typeof(string)
                ? (string?)field.GetRawConstantValue()
                : null;
}
