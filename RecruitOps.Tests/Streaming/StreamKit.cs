using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

/// <summary>Recording and reading helpers shared by the stream tests.</summary>
internal static class StreamKit
{
    public const string StreamPath = "/api/recruits/operations/stream";

    /// <summary>Records an operation through the API and returns its id.</summary>
    public static async Task<string> RecordAsync(HttpClient writer, string recruitId = "R10001", string? note = null)
    {
        using var response = await writer.PostAsJsonAsync(
            "/api/recruits/operations", new { recruitId, action = "created", note }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Every event up to and including the operation <paramref name="sentinelId"/>.</summary>
    public static async Task<List<SseItem<string>>> ReadUntilAsync(EventStreamClient stream, string sentinelId)
    {
        var events = new List<SseItem<string>>();
        while (await stream.NextAsync() is { } item)
        {
            events.Add(item);
            if (item.EventId == sentinelId && item.EventType == "operation")
            {
                return events;
            }
        }

        throw new InvalidOperationException($"The stream ended before operation {sentinelId} arrived.");
    }

    /// <summary>Every event until the server ends the stream.</summary>
    public static async Task<List<SseItem<string>>> ReadToEndAsync(EventStreamClient stream, TimeSpan timeout)
    {
        var events = new List<SseItem<string>>();
        while (await stream.NextAsync(timeout) is { } item)
        {
            events.Add(item);
        }

        return events;
    }

    public static List<string> OperationIds(IEnumerable<SseItem<string>> events) =>
        events.Where(item => item.EventType == "operation").Select(item => item.EventId!).ToList();

    public static string NewestIdOf(SseItem<string> ready)
    {
        using var json = JsonDocument.Parse(ready.Data);
        return json.RootElement.GetProperty("newestId").GetString()!;
    }
}
