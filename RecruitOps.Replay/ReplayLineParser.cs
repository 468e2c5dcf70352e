using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecruitOps.Replay;

/// <summary>
/// Reads one JSONL line of the replay format: <c>{"as": {"sub", "name", "role"}, "body": {the record request}}</c>.
/// Only the envelope is checked here; the body is the server's to validate, so its answer names the failing field.
/// </summary>
public static class ReplayLineParser
{
    public static ReplayLine? Parse(int number, string text, out string? reason)
    {
        JsonObject root;
        try
        {
            if (JsonNode.Parse(text) is not JsonObject parsed)
            {
                reason = "The line is not a JSON object.";
                return null;
            }

            root = parsed;
            reason = CheckEnvelope(root);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // ArgumentException: a property given twice, which JsonObject refuses.
            reason = "The line is not valid JSON.";
            return null;
        }

        if (reason is not null)
        {
            return null;
        }

        var user = root["as"]!.AsObject();
        var sub = user["sub"]!.GetValue<string>();
        var name = user["name"] is JsonValue nameValue ? nameValue.GetValue<string>() : sub;
        var body = root["body"]!.AsObject().DeepClone().AsObject();
        var operationId = body["operationId"] is JsonValue given && given.TryGetValue<string>(out var givenId) ? givenId : null;
        if (!body.ContainsKey("operationId"))
        {
            operationId = DerivedOperationId.For(number, text);
            body["operationId"] = operationId;
        }

        var lane = body["recruitId"] is JsonValue recruit && recruit.TryGetValue<string>(out var recruitId) ? recruitId : "";
        return new ReplayLine(number, new ReplayUser(sub, name, user["role"]!.GetValue<string>()), body, operationId, lane);
    }

    private static string? CheckEnvelope(JsonObject root)
    {
        if (root["as"] is not JsonObject user)
        {
            return "\"as\" is missing or not an object {sub, name, role}.";
        }

        foreach (var field in (string[])["sub", "role"])
        {
            if (user[field] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0)
            {
                return $"\"as.{field}\" is missing or not a non-empty string.";
            }
        }

        if (user["name"] is { } name && (name is not JsonValue nameValue || !nameValue.TryGetValue<string>(out _)))
        {
            return "\"as.name\" is not a string.";
        }

        return root["body"] is JsonObject ? null : "\"body\" is missing or not an object.";
    }
}
