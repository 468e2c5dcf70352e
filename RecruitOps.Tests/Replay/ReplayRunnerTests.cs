using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using RecruitOps.Replay;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Replay;

/// <summary>The replay command's logic against the real standalone host, signing in through local sign-in.</summary>
public sealed class ReplayRunnerTests
{
    private static readonly Dictionary<string, string?> LocalSignIn = new() { ["Auth:LocalSignInEnabled"] = "true" };

    private static readonly string[] SmallFile =
    [
        """{"as": {"sub": "u-1004", "name": "李 明", "role": "recruiter"}, "body": {"recruitId": "R1", "recruitName": "黄浩然", "action": "created"}}""",
        """{"as": {"sub": "u-1002", "name": "佐藤 健", "role": "gicho"}, "body": {"recruitId": "R1", "action": "updated", "changes": [{"field": "phone", "from": "1", "to": "2"}], "operationId": "op-1-2"}}""",
        "",
        """{"as": {"sub": "u-1003", "name": "Maria Lopez", "role": "kancho"}, "body": {"recruitId": "R1", "action": "interview_decision", "decision": "pass"}}""",
        """{"as": {"sub": "u-1004", "name": "李 明", "role": "recruiter"}, "body": {"recruitId": "R-bad", "action": "promoted"}}""",
        """{"as": {"sub": "u-1004", "name": "李 明", "role": "recruiter"}, "body": {"recruitId": "R2", "action": "created"}""",
    ];

    [Fact]
    public async Task Replaying_a_small_file_records_each_valid_line_as_its_user_and_counts_the_rest_with_reasons()
    {
        await using var app = await TestApp.StartAsync(LocalSignIn);
        using var file = new ReplayFile(SmallFile);
        using var runner = new ReplayRunner(app.BaseAddress);

        var summary = await runner.RunAsync(file.Path, 1, null, TestContext.Current.CancellationToken);

        Assert.Equal((3, 0, 2, 0), (summary.Recorded, summary.AlreadyRecorded, summary.RejectedCount, summary.FailedCount));
        Assert.Null(summary.StoppedBecause);
        Assert.Collection(
            summary.Rejected,
            invalid =>
            {
                Assert.StartsWith("400 Bad Request: action: Must be one of", invalid.Reason, StringComparison.Ordinal);
                Assert.Equal([5], invalid.Lines);
            },
            malformed =>
            {
                Assert.Equal("The line is not valid JSON.", malformed.Reason);
                Assert.Equal([6], malformed.Lines);
            });
        var history = await ReadHistoryAsync(app);
        Assert.Equal(
            ["interview_decision by u-1003 Maria Lopez", "updated by u-1002 佐藤 健", "created by u-1004 李 明"],
            history.Select(op => $"{op.GetProperty("action")} by {op.GetProperty("actor").GetProperty("sub")} {op.GetProperty("actor").GetProperty("name")}"));
        Assert.DoesNotContain(history, op => op.GetProperty("recruitId").GetString() == "R-bad");
    }

    [Fact]
    public async Task Replaying_the_same_file_again_records_nothing_new_and_reports_every_line_as_already_recorded()
    {
        await using var app = await TestApp.StartAsync(LocalSignIn);
        using var file = new ReplayFile(SmallFile);
        using var runner = new ReplayRunner(app.BaseAddress);
        await runner.RunAsync(file.Path, 1, null, TestContext.Current.CancellationToken);

        var again = await runner.RunAsync(file.Path, 1, null, TestContext.Current.CancellationToken);

        Assert.Equal((0, 3, 2, 0), (again.Recorded, again.AlreadyRecorded, again.RejectedCount, again.FailedCount));
        Assert.Equal(3, (await ReadHistoryAsync(app)).Count);
    }

    [Fact]
    public async Task Concurrent_replay_keeps_each_recruits_operations_in_file_order()
    {
        await using var app = await TestApp.StartAsync(LocalSignIn);
        string[] actions = ["created", "archived", "created", "archived"];
        var lines = Enumerable.Range(0, 40).Select(i =>
            $$$"""{"as": {"sub": "u-{{{i % 3}}}", "role": "kancho"}, "body": {"recruitId": "R{{{i % 5}}}", "action": "{{{actions[i / 5 % 4]}}}", "note": "{{{i}}}"}}""");
        using var file = new ReplayFile([.. lines]);
        using var runner = new ReplayRunner(app.BaseAddress);

        var summary = await runner.RunAsync(file.Path, 4, null, TestContext.Current.CancellationToken);

        Assert.Equal(40, summary.Recorded);
        var history = await ReadHistoryAsync(app);
        foreach (var recruit in history.GroupBy(op => op.GetProperty("recruitId").GetString()))
        {
            var notes = recruit.Select(op => int.Parse(op.GetProperty("note").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Reverse().ToList();
            Assert.Equal(notes.Order(), notes);
        }
    }

    [Fact]
    public async Task Replay_stops_with_a_clear_reason_when_local_sign_in_is_off_and_records_nothing()
    {
        await using var app = await TestApp.StartAsync();
        using var file = new ReplayFile(SmallFile);
        using var runner = new ReplayRunner(app.BaseAddress);

        var summary = await runner.RunAsync(file.Path, 2, null, TestContext.Current.CancellationToken);

        Assert.Contains("Local sign-in is turned off", summary.StoppedBecause, StringComparison.Ordinal);
        Assert.Equal(0, summary.Recorded);
        Assert.Empty(await ReadHistoryAsync(app));
    }

    [Fact]
    public async Task Replay_stops_before_sending_when_nothing_answers_at_the_url()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var file = new ReplayFile(SmallFile);
        using var runner = new ReplayRunner(new Uri($"http://127.0.0.1:{closedPort}"));

        var summary = await runner.RunAsync(file.Path, 1, null, TestContext.Current.CancellationToken);

        Assert.StartsWith("Nothing answers at", summary.StoppedBecause, StringComparison.Ordinal);
        Assert.Equal(5, summary.NotAttempted);
    }

    private static async Task<List<JsonElement>> ReadHistoryAsync(TestApp app)
    {
        using var reader = app.ClientFor("kancho");
        var page = await reader.GetFromJsonAsync<JsonElement>("/api/recruits/operations?limit=200", TestContext.Current.CancellationToken);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
