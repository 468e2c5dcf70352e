using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RecruitOps.Tests.Infra;

/// <summary>
/// Reads the ARM JSON that <c>bicep build</c> made of infra/main.bicep: the main template and every module's nested
/// template, whether resources are an array or (language version 2.0) an object of symbolic names.
/// </summary>
internal sealed partial class CompiledTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public static CompiledTemplate Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidDataException($"{path} is not a JSON object."));

    /// <summary>The main template first, then each module's, depth first.</summary>
    public IEnumerable<JsonObject> Templates() => TemplatesFrom(Root);

    /// <summary>Resources the deployment creates or updates (not <c>existing</c> references) of one type.</summary>
    public IEnumerable<(JsonObject Template, JsonObject Resource)> ResourcesOfType(string type) =>
        from template in Templates()
        from resource in ResourcesOf(template)
        where string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase)
            && resource["existing"]?.GetValue<bool>() != true
        select (template, resource);

    /// <summary>
    /// Every app setting the function app gets, by name, with its value as written (often an ARM expression):
    /// literal entries of <c>siteConfig.appSettings</c>, or of the variables an expression there combines (a copy
    /// loop's <c>format('X__{0}')</c> name counts as the list <c>X</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> AppSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (template, site) in ResourcesOfType("Microsoft.Web/sites"))
        {
            CollectSettings(template, site["properties"]?["siteConfig"]?["appSettings"], settings);
        }

        return settings;
    }

    private static void CollectSettings(JsonObject template, JsonNode? node, Dictionary<string, string?> settings)
    {
        if (node is JsonArray entries)
        {
            foreach (var entry in entries)
            {
                if ((string?)entry?["name"] is { } name)
                {
                    settings[SettingName.Normalize(LiteralPart(name))] = entry?["value"]?.ToString();
                }
            }
        }
        else if (node is JsonValue value && value.TryGetValue<string>(out var expression) && expression.StartsWith('['))
        {
            var variables = template["variables"]?.AsObject();
            foreach (var variable in VariableReference().Matches(expression).Select(match => match.Groups[1].Value))
            {
                CollectSettings(template, variables?[variable], settings);
                var loop = variables?["copy"]?.AsArray().FirstOrDefault(copy => (string?)copy?["name"] == variable);
                CollectSettings(template, loop is null ? null : new JsonArray(loop["input"]?.DeepClone()), settings);
            }
        }
    }

    // "[format('Auth__AllowedOrigins__{0}', copyIndex(...))]" names the list Auth__AllowedOrigins.
    private static string LiteralPart(string name)
    {
        if (!name.StartsWith('['))
        {
            return name;
        }

        var format = FormatLiteral().Match(name);
        return format.Success ? Placeholder().Replace(format.Groups[1].Value, "").TrimEnd('_') : name;
    }

    private static IEnumerable<JsonObject> TemplatesFrom(JsonObject template)
    {
        yield return template;
        foreach (var resource in ResourcesOf(template))
        {
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in TemplatesFrom(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template) => template["resources"] switch
    {
        JsonArray list => list.OfType<JsonObject>(),
        JsonObject bySymbol => bySymbol.Select(entry => entry.Value).OfType<JsonObject>(),
        _ => [],
    };

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^\[format\('([^']*)'")]
    private static partial Regex FormatLiteral();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
