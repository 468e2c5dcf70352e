using System.Net;
using System.Text;
using System.Text.Json;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Operations;

/// <summary>
/// Text comes back exactly as sent through every read: the 201 answer, GET, the list and the live stream. JSON may
/// escape a character differently (emoji as <c>\uD83D\uDE00</c>), so values are compared decoded, as UTF-8 bytes.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly string Tricky =
        "emoji 😀👍🏽👩‍👩‍👧 | rtl \u200Fשלום\u200F عربي | <script>alert('x')</script> &amp; | \"quotes\" 'single' | " +
        "back\\slash \\n not a newline | line\nbreak\r\nwindows\ttab | zero\u200Bwidth | bom\uFEFF | 𝕏 | é vs e\u0301 | line\u2028separator\u2029paragraph";

    public static TheoryData<string> Notes => new()
    {
        Tricky,
        string.Concat(Enumerable.Repeat("漢", 2_000)),
        string.Concat(Enumerable.Repeat("😀", 2_000)),
        string.Concat(Enumerable.Repeat("👍🏽", 1_000)),
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public async Task Text_round_trips_exactly_through_post_get_list_and_stream(string note)
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter", sub: "u-1004", name: "\u200Fמשתמש <b>\"x\"</b>");
        await using var stream = await EventStreamClient.OpenAsync(reader);
        await stream.NextAsync();
        var sent = new
        {
            recruitId = "R10001",
            recruitName = "黄浩然 \u200F<i>\"\\</i>",
            action = "updated",
            changes = new object?[] { new { field = "备注 <b>", from = Tricky, to = (string?)null }, new { field = "f", from = 1, to = "😀\n" } },
            note,
        };

        using var created = await OperationsAppFixture.PostAsync(writer, JsonSerializer.Serialize(sent));
        var frame = await stream.NextAsync();
        var fetched = await reader.GetStringAsync(created.Headers.Location, TestContext.Current.CancellationToken);
        using var list = JsonDocument.Parse(await reader.GetStringAsync("/api/recruits/operations?limit=1", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(fetched, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(fetched, frame!.Value.Data);
        Assert.Equal(fetched, list.RootElement.GetProperty("items")[0].GetRawText());
        using var operation = JsonDocument.Parse(fetched);
        var root = operation.RootElement;
        AssertSameText(note, root.GetProperty("note"));
        AssertSameText(sent.recruitName, root.GetProperty("recruitName"));
        AssertSameText("\u200Fמשתמש <b>\"x\"</b>", root.GetProperty("actor").GetProperty("name"));
        AssertSameText("备注 <b>", root.GetProperty("changes")[0].GetProperty("field"));
        AssertSameText(Tricky, root.GetProperty("changes")[0].GetProperty("from"));
        AssertSameText("😀\n", root.GetProperty("changes")[1].GetProperty("to"));
    }

    private static void AssertSameText(string expected, JsonElement actual) =>
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual.GetString()!));
}
