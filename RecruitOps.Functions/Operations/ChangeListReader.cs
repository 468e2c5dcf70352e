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
            errors.TryAdd(name, [$"The changes are too large to store: at most {OperationLimits.MaxChangesJsonLength} characters of JSON in all, as stored (an emoji is stored as a 12-character escape)."]);
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failed = false;
        foreach (var property in item.EnumerateObject())
        {
            if (!TextRules.TryGetName(property, out var name))
            {
                failed = Fail(path, $"A member name {TextRules.NotUnicode}", errors);
                continue;
            }

            var propertyPath = $"{path}.{name}";
            if (!seen.Add(name))
            {
                // Reported even when the first copy was valid: which copy "wins" differs between JSON parsers.
                failed = Fail(propertyPath, "The field appears more than once.", errors, replace: true);
                continue;
            }

            switch (name)
            {
                case "field":
                    field = ReadField(propertyPath, property.Value, errors);
                    failed |= field is null;
                    break;
                case "from":
                    from = ReadScalar(propertyPath, property.Value, errors);
                    failed |= from is null;
                    break;
                case "to":
                    to = ReadScalar(propertyPath, property.Value, errors);
                    failed |= to is null;
                    break;
                default:
                    failed = Fail(propertyPath, "This field is not part of the contract.", errors);
                    break;
            }
        }

        failed |= Require(path, "field", seen, errors);
        failed |= Require(path, "from", seen, errors);
        failed |= Require(path, "to", seen, errors);
        return failed || field is null || from is null || to is null ? null : new OperationChange(field, from.Value, to.Value);
    }

    private static bool Require(string path, string name, HashSet<string> seen, Dictionary<string, string[]> errors) =>
        !seen.Contains(name) && Fail($"{path}.{name}", "The field is required (use null for no value).", errors);

    private static string? ReadField(string path, JsonElement value, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind != JsonValueKind.String || !TextRules.TryGetText(value, out var field))
        {
            Fail(path, $"Must be a string of 1 to {OperationLimits.MaxFieldLength} characters.", errors);
            return null;
        }

        if (TextRules.Problem(field, allowLineBreaks: false) is { } problem)
        {
            Fail(path, $"The text {problem}.", errors);
            return null;
        }

        if (field.Length == 0 || TextRules.CountCharacters(field) > OperationLimits.MaxFieldLength)
        {
            Fail(path, $"Must be 1 to {OperationLimits.MaxFieldLength} characters.", errors);
            return null;
        }

        return field;
    }

    private static JsonElement? ReadScalar(string path, JsonElement value, Dictionary<string, string[]> errors)
    {
        var problem = value.ValueKind switch
        {
            JsonValueKind.Object or JsonValueKind.Array =>
                $"Must be a JSON scalar (string, number, boolean or null), not {RequestFields.Describe(value.ValueKind)}.",
            // 1e400 is valid JSON, but JavaScript (the page) reads it as Infinity: the audit trail would show a
            // value nobody sent. Every finite double is kept exactly as written.
            JsonValueKind.Number when !value.TryGetDouble(out var number) || !double.IsFinite(number) =>
                "Must be a number a 64-bit float can hold (about ±1.8e308).",
            JsonValueKind.String => StringProblem(value),
            _ => null,
        };
        if (problem is not null)
        {
            Fail(path, problem, errors);
            return null;
        }

        return value.Clone();
    }

    private static string? StringProblem(JsonElement value)
    {
        if (!TextRules.TryGetText(value, out var text))
        {
            return $"The text {TextRules.NotUnicode}";
        }

        if (TextRules.Problem(text, allowLineBreaks: true) is { } problem)
        {
            return $"The text {problem}.";
        }

        return TextRules.CountCharacters(text) > OperationLimits.MaxChangeValueLength
            ? $"At most {OperationLimits.MaxChangeValueLength} characters."
            : null;
    }

    /// <summary>Records the first problem of a path (or replaces it) and returns true, so callers can write <c>failed = Fail(...)</c>.</summary>
    private static bool Fail(string path, string message, Dictionary<string, string[]> errors, bool replace = false)
    {
        if (replace)
        {
            errors[path] = [message];
        }
        else
        {
            errors.TryAdd(path, [message]);
        }

        return true;
    }
}
