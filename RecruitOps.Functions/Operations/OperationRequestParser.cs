using System.Globalization;
using System.Text.Json;

namespace RecruitOps.Operations;

/// <summary>
/// Reads and validates the body of a record request against the contract, naming every failing field.
/// Works on a <see cref="JsonDocument"/> rather than model binding so that unknown fields, wrong types and invalid
/// text each get a precise message instead of a serializer exception. The text policy is <see cref="TextRules"/>.
/// </summary>
public static class OperationRequestParser
{
    // The contract nests three deep (body, changes, one change); anything past 8 is not an operation. Comments and
    // trailing commas stay disallowed (the defaults): the body is data for an audit trail, not a config file.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    public static OperationDraft? Parse(ReadOnlyMemory<byte> body, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            errors["body"] = [IsValidAtAnyDepth(body.Span)
                ? $"The body nests deeper than {DocumentOptions.MaxDepth} levels; an operation needs 3."
                : $"The body is not valid JSON: {DescribeJsonError(ex)}."];
            return null;
        }

        using (document)
        {
            return Validate(document.RootElement, errors);
        }
    }

    private static OperationDraft? Validate(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["The body must be a JSON object."];
            return null;
        }

        var fields = new RequestFields(root, errors);
        var recruitId = fields.Key("recruitId", required: true);
        var recruitName = fields.Text("recruitName", OperationLimits.MaxRecruitNameLength, allowLineBreaks: false);
        var action = fields.OneOf("action", OperationActions.All, required: true);
        var decision = fields.OneOf("decision", OperationActions.Decisions, required: false);
        var note = fields.Text("note", OperationLimits.MaxNoteLength, allowLineBreaks: true);
        var operationId = fields.Key("operationId", required: false);
        var changes = fields.Changes("changes");
        fields.RejectUnknown();

        if (action is not null)
        {
            CheckActionShape(action, fields, decision, changes, errors);
        }

        return errors.Count > 0
            ? null
            : new OperationDraft(recruitId!, recruitName, action!, decision, changes, note, operationId);
    }

    private static void CheckActionShape(
        string action,
        RequestFields fields,
        string? decision,
        IReadOnlyList<OperationChange>? changes,
        Dictionary<string, string[]> errors)
    {
        if (OperationActions.RequiresDecision(action))
        {
            if (decision is null && !errors.ContainsKey("decision"))
            {
                errors["decision"] = [$"The decision is required for '{action}': one of pass, fail, pending."];
            }
        }
        else if (fields.Has("decision"))
        {
            errors["decision"] = [$"A decision is only allowed for the *_decision actions, not for '{action}'."];
        }

        if (action == OperationActions.Updated)
        {
            // Changes that were given but failed already have their own errors (changes[0].from, ...).
            if (changes is null && !fields.Has("changes"))
            {
                errors["changes"] = ["The changes are required for 'updated': 1 to 50 items { field, from, to }."];
            }
        }
        else if (fields.Has("changes"))
        {
            errors["changes"] = [$"Changes are only allowed for 'updated', not for '{action}'."];
        }
    }

    /// <summary>Only on the error path: tells "too deep" apart from "not JSON", which the parser reports alike.</summary>
    private static bool IsValidAtAnyDepth(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = Math.Max(1, body.Length) });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string DescribeJsonError(JsonException ex) =>
        ex.LineNumber is { } line && ex.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {position + 1}")
            : "unreadable input";
}
