using System.Text.Json;

namespace RecruitOps.Operations;

/// <summary>
/// Reads the top-level fields of a request object one rule at a time and collects an error per failing field.
/// Duplicate names are an error: a JSON object with two <c>action</c> members means different things to
/// different parsers, and an audit trail must not depend on which one wins.
/// </summary>
internal sealed class RequestFields
{
    private static readonly string[] Known =
        ["recruitId", "recruitName", "action", "decision", "changes", "note", "operationId"];

    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _errors;

    public RequestFields(JsonElement root, Dictionary<string, string[]> errors)
    {
        _errors = errors;
        foreach (var property in root.EnumerateObject())
        {
            if (!TextRules.TryGetName(property, out var name))
            {
                Fail("body", $"A member name {TextRules.NotUnicode}");
            }
            else if (!_values.TryAdd(name, property.Value))
            {
                _errors[name] = ["The field appears more than once."];
            }
        }
    }

    /// <summary>True when the field is present with a value: <c>null</c> means the same as leaving a field out.</summary>
    public bool Has(string name) => _values.TryGetValue(name, out var element) && element.ValueKind != JsonValueKind.Null;

    public void RejectUnknown()
    {
        foreach (var name in _values.Keys.Where(name => !Known.Contains(name, StringComparer.Ordinal)))
        {
            Fail(name, "This field is not part of the contract.");
        }
    }

    /// <summary>An identifier: 1 to 64 of <c>A-Z a-z 0-9 _ -</c>, safe to use in a table key.</summary>
    public string? Key(string name, bool required)
    {
        if (!TryGetString(name, required, out var value))
        {
            return null;
        }

        if (!IsKey(value))
        {
            return Fail(name, $"Use 1 to {OperationLimits.MaxKeyLength} of the characters A-Z a-z 0-9 _ -.");
        }

        return value;
    }

    public string? Text(string name, int maxCharacters, bool allowLineBreaks)
    {
        if (!TryGetString(name, required: false, out var value))
        {
            return null;
        }

        if (TextRules.Problem(value, allowLineBreaks) is { } problem)
        {
            return Fail(name, $"The text {problem}.");
        }

        if (TextRules.CountCharacters(value) > maxCharacters)
        {
            return Fail(name, $"At most {maxCharacters} characters.");
        }

        return value;
    }

    public string? OneOf(string name, IReadOnlySet<string> allowed, bool required)
    {
        if (!TryGetString(name, required, out var value))
        {
            return null;
        }

        return allowed.Contains(value) ? value : Fail(name, $"Must be one of: {string.Join(", ", allowed)}.");
    }

    public IReadOnlyList<OperationChange>? Changes(string name) =>
        Has(name) ? ChangeListReader.Read(name, _values[name], _errors) : null;

    internal static bool IsKey(string value) =>
        value.Length is >= 1 and <= OperationLimits.MaxKeyLength &&
        value.AsSpan().IndexOfAnyExcept(KeyCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> KeyCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private bool TryGetString(string name, bool required, out string value)
    {
        value = string.Empty;
        if (!Has(name))
        {
            if (required)
            {
                Fail(name, "The field is required.");
            }

            return false;
        }

        var element = _values[name];
        if (element.ValueKind != JsonValueKind.String)
        {
            Fail(name, $"Must be a string, not {Describe(element.ValueKind)}.");
            return false;
        }

        if (!TextRules.TryGetText(element, out value))
        {
            Fail(name, $"The text {TextRules.NotUnicode}");
            return false;
        }

        return true;
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };

    private string? Fail(string name, string message)
    {
        _errors.TryAdd(name, [message]);
        return null;
    }
}
