using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using RecruitOps.Operations;

namespace RecruitOps.Tests.Operations;

/// <summary>
/// The list's query on a small data set: cursors are opaque but checked (one issued for another filter, or not issued
/// at all, is a 400), every parameter is validated, and a recruit filter is exact.
/// </summary>
public sealed class ListQueryTests(OperationsAppFixture fixture) : IClassFixture<OperationsAppFixture>
{
    [Fact]
    public async Task A_cursor_from_the_unfiltered_list_is_refused_for_one_recruit_and_the_other_way_round()
    {
        await RecordAsync("R1", 3);
        await RecordAsync("R2", 3);
        var all = await NextCursorAsync("/api/recruits/operations?limit=1");
        var r1 = await NextCursorAsync("/api/recruits/operations?limit=1&recruitId=R1");

        using var allAsR1 = await ListAsync($"/api/recruits/operations?limit=1&recruitId=R1&cursor={all}");
        using var r1AsAll = await ListAsync($"/api/recruits/operations?limit=1&cursor={r1}");
        using var r1AsR2 = await ListAsync($"/api/recruits/operations?limit=1&recruitId=R2&cursor={r1}");
        using var r1AsR1 = await ListAsync($"/api/recruits/operations?limit=1&recruitId=R1&cursor={r1}");

        foreach (var refused in new[] { allAsR1, r1AsAll, r1AsR2 })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True((await RecordValidationTests.ErrorsAsync(refused)).ContainsKey("cursor"));
        }

        Assert.Equal(HttpStatusCode.OK, r1AsR1.StatusCode);
    }

    public static TheoryData<string> Garbage => new()
    {
        "",
        "abc",
        "!!!!",
        "%00",
        new string('A', 2_000),
        Encode("[]"),
        Encode("null"),
        Encode("{\"scope\":\"t|\"}"),
        Encode("[\"1\",\"t|\"]"),
        Encode("[\"2\",\"t|\",\"t|ZZZZZZZZZZZZZZZZZZZZZZZZZZ\"]"),
        Encode("[\"1\",\"t|\",\"t|\"]"),
        Encode("[\"1\",\"t|\",\"k|retry-1\"]"),
        Encode("[\"1\",\"t|\",\"t|ZZZZZZZZZZZZZZZZZZZZZZZZZ\"]"),
        Encode("[\"1\",\"t|\",\"t|zzzzzzzzzzzzzzzzzzzzzzzzzz\"]"),
        Encode("[\"1\",\"t|\",\"t|00000000000000000000000000\"]"),
        Encode("[\"1\",\"t|\",\"t|ZZZZZZZZZZZZZZZZZZZZZZZZZZ\",\"x\"]"),
        Encode("[\"1\",\"t|\",1]"),
        Encode(new string('[', 500)),
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task A_cursor_this_api_did_not_issue_gets_400_naming_cursor(string cursor)
    {
        using var response = await ListAsync($"/api/recruits/operations?cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await RecordValidationTests.ErrorsAsync(response)).ContainsKey("cursor"));
    }

    [Fact]
    public async Task A_tampered_cursor_gets_400()
    {
        await RecordAsync("R3", 2);
        var cursor = await NextCursorAsync("/api/recruits/operations?limit=1");
        // Cursors are not signed: a well-formed position only lists what the reader may list anyway. Anything that
        // is not a position in the cursor's own scope is refused; here the last id character leaves the alphabet.
        var bytes = Base64Url.DecodeFromChars(cursor);
        bytes[^3] = (byte)'U';

        using var response = await ListAsync($"/api/recruits/operations?cursor={Base64Url.EncodeToString(bytes)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await RecordValidationTests.ErrorsAsync(response)).ContainsKey("cursor"));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("limit=%2B5", "limit")]
    [InlineData("limit=99999999999999999999", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("limit=5&limit=6", "limit")]
    [InlineData("recruitId=", "recruitId")]
    [InlineData("recruitId=R%2F1", "recruitId")]
    [InlineData("recruitId=R%7C1", "recruitId")]
    [InlineData("cursor=a&cursor=b", "cursor")]
    public async Task A_bad_query_parameter_gets_400_naming_it(string query, string field)
    {
        using var response = await ListAsync($"/api/recruits/operations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await RecordValidationTests.ErrorsAsync(response)).ContainsKey(field));
    }

    [Fact]
    public async Task The_last_page_that_is_exactly_full_has_no_next_cursor()
    {
        await RecordAsync("R4", 6);

        using var first = JsonDocument.Parse(await fixture.Reader.GetStringAsync("/api/recruits/operations?recruitId=R4&limit=3", TestContext.Current.CancellationToken));
        var cursor = first.RootElement.GetProperty("nextCursor").GetString();
        using var second = JsonDocument.Parse(await fixture.Reader.GetStringAsync($"/api/recruits/operations?recruitId=R4&limit=3&cursor={cursor}", TestContext.Current.CancellationToken));

        Assert.Equal(3, first.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(3, second.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task A_recruit_whose_id_starts_another_recruits_id_lists_only_its_own_operations()
    {
        string[] recruits = ["P1", "P10", "P1-x", "P1_", "P1z", "p1"];
        foreach (var recruitId in recruits)
        {
            await RecordAsync(recruitId, 2);
        }

        foreach (var recruitId in recruits)
        {
            using var page = JsonDocument.Parse(await fixture.Reader.GetStringAsync($"/api/recruits/operations?recruitId={recruitId}", TestContext.Current.CancellationToken));

            var listed = page.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("recruitId").GetString()).ToList();
            Assert.Equal([recruitId, recruitId], listed);
        }
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private async Task RecordAsync(string recruitId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, $$"""{"recruitId":"{{recruitId}}","action":"archived"}""");
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<string> NextCursorAsync(string path)
    {
        using var page = JsonDocument.Parse(await fixture.Reader.GetStringAsync(path, TestContext.Current.CancellationToken));
        return page.RootElement.GetProperty("nextCursor").GetString()!;
    }

    private Task<HttpResponseMessage> ListAsync(string path) => fixture.Reader.GetAsync(path, TestContext.Current.CancellationToken);
}
