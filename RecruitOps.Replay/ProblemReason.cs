using System.Globalization;
using System.Net;
using System.Text.Json;

namespace RecruitOps.Replay;

/// <summary>
/// Turns an error answer into one line of text for the summary: the status and, from problem+json, each failing
/// field with its message (or the detail). Lines that fail the same way get the same text and are grouped.
/// </summary>
internal static class ProblemReason
{
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {Describe(response.StatusCode)}");
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (root.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var fields = errors.EnumerateObject()
                    .OrderBy(field => field.Name, StringComparer.Ordinal)
                    .Select(field => $"{field.Name}: {string.Join(" ", Messages(field.Value))}");
                return $"{status}: {string.Join("; ", fields)}";
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out var detail) &&
                detail.ValueKind == JsonValueKind.String)
            {
                return $"{status}: {detail.GetString()}";
            }
        }
        catch (JsonException)
        {
            // Not problem+json (a proxy's page, say): the status alone is the reason.
        }

        return status;
    }

    private static IEnumerable<string?> Messages(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(item => item.ToString()) : [value.ToString()];

    private static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.RequestEntityTooLarge => "Content Too Large",
        HttpStatusCode.UnsupportedMediaType => "Unsupported Media Type",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        _ => status.ToString(),
    };
}
