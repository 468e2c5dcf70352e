using System.Globalization;
using System.Text.Json;

namespace RecruitOps.Operations;

/// <summary>Validates the <c>changes</c> array of an <c>updated</c> operation, naming failures by JSON path.</summary>
internal static class ChangeListReader
{
    public static IReadOnlyList<OperationChange>? Read(
        string name, JsonElement element, Dictionary<string, string[]> errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.TryAdd(name, [$"Must be an array of {{ field, from, to }}, not {RequestFields.Describe(element.ValueKind)}."]);
            return null;
        }

        var count = element.GetArrayLength();
        if (count is < 1 or > OperationLimits.MaxChanges)
        {
            errors.TryAdd(name, [$"Must hold 1 to {OperationLimits.MaxChanges} items; it holds {count}."]);
            return null;
        }

        var changes = new List<OperationChange>(count);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (ReadOne(string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]"), item, errors) is { } change)
            {
                changes.Add(change);
            }

            index++;
        }

        if (changes.Count != count)
        {
            return null;
        }

        if (OperationJson.SerializeChanges(changes).Length > OperationLimits.MaxChangesJsonLength)
        {
            errors.TryAdd(name, [$"The changes are too large to store: at most {OperationLimits.MaxChangesJsonLength} characters of JSON in all."]);
            return null;
        }

        return changes;
    }

    private static OperationChange? ReadOne(string path, JsonElement item, Dictionary<string, string[]> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.TryAdd(path, [$"Must be an object {{ field, from, to }}, not {RequestFields.Describe(item.ValueKind)}."]);
            return null;
        }

        string? field = null;
        JsonElement? from = null, to = null;
        var failed = false;
        foreach (var property in item.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "field" when field is null:
                    field = ReadField(propertyPath, property.Value, errors);
                    failed |= field is null;
                    break;
                case "from" when from is null:
                case "to" when to is null:
                    var value = ReadScalar(propertyPath, property.Value, errors);
                    failed |= value is null;
                    if (property.NameEquals("from"))
                    {
                        from = value;
                    }
                    else
                    {
                        to = value;
                    }

                    break;
                case "field" or "from" or "to":
                    failed = errors.TryAdd(propertyPath, ["The field appears more than once."]);
                    break;
                default:
                    failed = errors.TryAdd(propertyPath, ["This field is not part of the contract."]);
                    break;
            }
        }

        failed |= Require(path, "field", field is not null || errors.ContainsKey($"{path}.field"), errors);
        failed |= Require(path, "from", from is not null || errors.ContainsKey($"{path}.from"), errors);
        failed |= Require(path, "to", to is not null || errors.ContainsKey($"{path}.to"), errors);
        return failed || field is null || from is null || to is null ? null : new OperationChange(field, from.Value, to.Value);
    }

    private static bool Require(string path, string name, bool present, Dictionary<string, string[]> errors) =>
        !present && errors.TryAdd($"{path}.{name}", ["The field is required (use null for no value)."]);

    private static string? ReadField(string path, JsonElement value, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind != JsonValueKind.String || !TryGetText(value, out var field))
        {
            errors.TryAdd(path, ["Must be a string of 1 to 64 characters."]);
            return null;
        }

        if (OperationRequestParser.TextProblem(field, allowLineBreaks: false) is { } problem)
        {
            errors.TryAdd(path, [$"The text {problem}."]);
            return null;
        }

        if (field.Length == 0 || OperationRequestParser.CountCharacters(field) > OperationLimits.MaxFieldLength)
        {
            errors.TryAdd(path, [$"Must be 1 to {OperationLimits.MaxFieldLength} characters."]);
            return null;
        }

        return field;
    }

    private static JsonElement? ReadScalar(string path, JsonElement value, Dictionary<string, string[]> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                errors.TryAdd(path, [$"Must be a JSON scalar (string, number, boolean or null), not {RequestFields.Describe(value.ValueKind)}."]);
                return null;
            case JsonValueKind.String when !TryGetText(value, out var text):
                errors.TryAdd(path, ["The text must be valid Unicode (it contains a lone surrogate)."]);
                return null;
            case JsonValueKind.String when OperationRequestParser.TextProblem(value.GetString()!, allowLineBreaks: true) is { } problem:
                errors.TryAdd(path, [$"The text {problem}."]);
                return null;
            case JsonValueKind.String when OperationRequestParser.CountCharacters(value.GetString()!) > OperationLimits.MaxChangeValueLength:
                errors.TryAdd(path, [$"At most {OperationLimits.MaxChangeValueLength} characters."]);
                return null;
            default:
                return value.Clone();
        }
    }

    /// <summary>
    /// Reads a JSON string without throwing on an escaped lone surrogate (<c>"\ud800"</c>), which
    /// System.Text.Json refuses to turn into a .NET string.
    /// </summary>
    internal static bool TryGetText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }
}
