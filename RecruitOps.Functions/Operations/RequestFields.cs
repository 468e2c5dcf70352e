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
            if (!_values.TryAdd(property.Name, property.Value))
            {
                Fail(property.Name, "The field appears more than once.");
            }
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

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

        if (OperationRequestParser.TextProblem(value, allowLineBreaks) is { } problem)
        {
            return Fail(name, $"The text {problem}.");
        }

        if (OperationRequestParser.CountCharacters(value) > maxCharacters)
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
        _values.TryGetValue(name, out var element) ? ChangeListReader.Read(name, element, _errors) : null;

    internal static bool IsKey(string value) =>
        value.Length is >= 1 and <= OperationLimits.MaxKeyLength &&
        value.AsSpan().IndexOfAnyExcept(KeyCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> KeyCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private bool TryGetString(string name, bool required, out string value)
    {
        value = string.Empty;
        if (!_values.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(name, "The field is required.");
            }

            return false;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            Fail(name, $"Must be a string, not {Describe(element.ValueKind)}.");
            return false;
        }

        if (!ChangeListReader.TryGetText(element, out value))
        {
            Fail(name, "The text must be valid Unicode (it contains a lone surrogate).");
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
