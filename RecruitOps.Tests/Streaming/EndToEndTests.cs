using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

public sealed class EndToEndTests
{
    [Fact]
    public async Task Recorded_operation_reaches_an_open_stream_as_the_same_json_get_returns()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter", sub: "u-1004", name: "李 明");
        await using var stream = await EventStreamClient.OpenAsync(reader);
        var ready = await stream.NextAsync();

        using var created = await writer.PostAsJsonAsync("/api/recruits/operations", new
        {
            recruitId = "R10001",
            recruitName = "黄浩然",
            action = "interview_decision",
            decision = "pass",
            note = "声音条件好，镜头感强。",
        }, TestContext.Current.CancellationToken);
        var frame = await stream.NextAsync();

        Assert.Equal("ready", ready!.Value.EventType);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        var fetched = await reader.GetStringAsync(location, TestContext.Current.CancellationToken);
        using var fetchedJson = JsonDocument.Parse(fetched);
        var id = fetchedJson.RootElement.GetProperty("id").GetString();
        Assert.Equal("operation", frame!.Value.EventType);
        Assert.Equal(id, frame.Value.EventId);
        Assert.Equal(fetched, frame.Value.Data);
        Assert.Equal("u-1004", fetchedJson.RootElement.GetProperty("actor").GetProperty("sub").GetString());
        Assert.Equal("李 明", fetchedJson.RootElement.GetProperty("actor").GetProperty("name").GetString());
    }
}
