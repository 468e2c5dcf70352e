using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecruitOps.Benchmarks.Phases;

/// <summary>Request bodies shaped like the recruiting app's (see shared/data/operations-sample.jsonl): mixed actions, CJK names and notes.</summary>
internal static class OperationBodies
{
    private static readonly string[] Names = ["黄浩然", "郭浩然", "Maria Lopez", "佐藤 健", "Kim Ji-woo", "李 明"];
    private static readonly string[] Notes = ["声音条件好，镜头感强。", "面试迟到 10 分钟，但表现稳定。", "候选人要求保底薪资 2050 元/月，待确认。", "Strong on camera; asks for weekend slots."];
    private static readonly string[] Decisions = ["pass", "fail", "pending"];

    public static JsonObject For(long sequence)
    {
        var body = new JsonObject
        {
            ["recruitId"] = $"R{10000 + (sequence % 500)}",
            ["recruitName"] = Names[sequence % Names.Length],
        };
        switch (sequence % 4)
        {
            case 0:
                body["action"] = "created";
                body["note"] = Notes[sequence % Notes.Length];
                break;
            case 1:
                body["action"] = "updated";
                body["changes"] = new JsonArray(new JsonObject { ["field"] = "expectedHoursPerWeek", ["from"] = 20, ["to"] = 30 });
                break;
            default:
                body["action"] = sequence % 8 == 2 ? "interview_decision" : "trial_broadcast_decision";
                body["decision"] = Decisions[sequence % Decisions.Length];
                body["note"] = Notes[sequence % Notes.Length];
                break;
        }

        return body;
    }

    public static HttpContent Content(long sequence) =>
        new StringContent(For(sequence).ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>
    /// Posts one operation; returns its id when it was created, or null with the status (0 when no answer came in
    /// time or the connection failed: under overload that is a result to count, not a reason to stop).
    /// </summary>
    public static async Task<(string? Id, int Status)> RecordAsync(HttpClient client, long sequence, CancellationToken cancellationToken)
    {
        try
        {
            return await PostAsync(client, sequence, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, 0);
        }
    }

    private static async Task<(string? Id, int Status)> PostAsync(HttpClient client, long sequence, CancellationToken cancellationToken)
    {
        using var content = Content(sequence);
        using var response = await client.PostAsync("api/recruits/operations", content, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            return (null, (int)response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return (json.RootElement.GetProperty("id").GetString(), (int)response.StatusCode);
    }

    public static HttpClient Writer(Uri baseAddress, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
