using System.Net;
using System.Text.Json;

namespace RecruitOps.Tests.Operations;

/// <summary>
/// Each rule of the contract (shared/API.md), plus the text policy (docs/storage.md): a 400 problem+json that names
/// the failing field by its JSON path, and not one row written.
/// </summary>
public sealed class RecordValidationTests(OperationsAppFixture fixture) : IClassFixture<OperationsAppFixture>
{
    private const string Base = "\"recruitId\":\"R1\",\"action\":\"created\"";
    private const string Updated = "\"recruitId\":\"R1\",\"action\":\"updated\"";

    private static string B(string rest) => "{" + Base + rest;

    private static string U(string rest) => "{" + Updated + rest;

    public static TheoryData<string, string> Rejected => new()
    {
        // The body as a whole.
        { """{"recruitId":""", "body" },
        { "", "body" },
        { "[]", "body" },
        { "\"R1\"", "body" },
        { B("""} {}"""), "body" },
        { B(""",}"""), "body" },
        { B("""/* comment */}"""), "body" },
        { B(""","\ud800":1}"""), "body" },
        { U(""","changes":[{"field":"a","from":1,"to":[[[[[[[[[[1]]]]]]]]]]}]}"""), "body" },

        // Unknown and repeated members.
        { B(""","extra":1}"""), "extra" },
        { B(""","extra":null}"""), "extra" },
        { B(""","Action":"created"}"""), "Action" },
        { B(""","actor":{"sub":"u-1","name":"x","role":"kancho"}}"""), "actor" },
        { B(""","action":"archived"}"""), "action" },
        { """{"recruitId":"R1","recruitId":"R2","action":"created"}""", "recruitId" },

        // recruitId.
        { """{"action":"created"}""", "recruitId" },
        { """{"recruitId":null,"action":"created"}""", "recruitId" },
        { """{"recruitId":"","action":"created"}""", "recruitId" },
        { $$"""{"recruitId":"{{new string('a', 65)}}","action":"created"}""", "recruitId" },
        { """{"recruitId":"R/1","action":"created"}""", "recruitId" },
        { """{"recruitId":"R\\1","action":"created"}""", "recruitId" },
        { """{"recruitId":"R#1","action":"created"}""", "recruitId" },
        { """{"recruitId":"R?1","action":"created"}""", "recruitId" },
        { """{"recruitId":"R|1","action":"created"}""", "recruitId" },
        { """{"recruitId":"R 1","action":"created"}""", "recruitId" },
        { """{"recruitId":"R\u00001","action":"created"}""", "recruitId" },
        { """{"recruitId":"Ｒ1","action":"created"}""", "recruitId" },
        { """{"recruitId":10001,"action":"created"}""", "recruitId" },

        // recruitName.
        { B($$""","recruitName":"{{new string('名', 101)}}"}"""), "recruitName" },
        { B($$""","recruitName":"{{string.Concat(Enumerable.Repeat("😀", 101))}}"}"""), "recruitName" },
        { B(""","recruitName":"a\nb"}"""), "recruitName" },
        { B(""","recruitName":"\ud800"}"""), "recruitName" },
        { B(""","recruitName":7}"""), "recruitName" },

        // action and decision.
        { """{"recruitId":"R1"}""", "action" },
        { """{"recruitId":"R1","action":"deleted"}""", "action" },
        { """{"recruitId":"R1","action":"Created"}""", "action" },
        { """{"recruitId":"R1","action":"interview_decision"}""", "decision" },
        { """{"recruitId":"R1","action":"go_live_decision","decision":null}""", "decision" },
        { """{"recruitId":"R1","action":"trial_broadcast_decision","decision":"maybe"}""", "decision" },
        { B(""","decision":"pass"}"""), "decision" },

        // changes.
        { U("""}"""), "changes" },
        { U(""","changes":null}"""), "changes" },
        { U(""","changes":[]}"""), "changes" },
        { U(""","changes":{}}"""), "changes" },
        { U($$""","changes":[{{string.Join(",", Enumerable.Repeat("""{"field":"a","from":1,"to":2}""", 51))}}]}"""), "changes" },
        { B(""","changes":[{"field":"a","from":1,"to":2}]}"""), "changes" },
        { U(""","changes":[1]}"""), "changes[0]" },
        { U(""","changes":[{"from":1,"to":2}]}"""), "changes[0].field" },
        { U(""","changes":[{"field":"a","to":2}]}"""), "changes[0].from" },
        { U(""","changes":[{"field":"a","from":1}]}"""), "changes[0].to" },
        { U(""","changes":[{"field":"","from":1,"to":2}]}"""), "changes[0].field" },
        { U($$""","changes":[{"field":"{{new string('f', 65)}}","from":1,"to":2}]}"""), "changes[0].field" },
        { U(""","changes":[{"field":"a\tb","from":1,"to":2}]}"""), "changes[0].field" },
        { U(""","changes":[{"field":"a","from":{},"to":2}]}"""), "changes[0].from" },
        { U(""","changes":[{"field":"a","from":1,"to":[1]}]}"""), "changes[0].to" },
        { U(""","changes":[{"field":"a","from":1e400,"to":2}]}"""), "changes[0].from" },
        { U(""","changes":[{"field":"a","from":1,"to":-1E309}]}"""), "changes[0].to" },
        { U($$""","changes":[{"field":"a","from":"{{new string('x', 1001)}}","to":2}]}"""), "changes[0].from" },
        { U(""","changes":[{"field":"a","from":"\u0000","to":2}]}"""), "changes[0].from" },
        { U(""","changes":[{"field":"a","from":1,"to":2,"by":"x"}]}"""), "changes[0].by" },
        { U(""","changes":[{"field":"a","field":"b","from":1,"to":2}]}"""), "changes[0].field" },
        { U(""","changes":[{"field":"a","from":1,"to":2,"\udc00":3}]}"""), "changes[0]" },
        { U(""","changes":[{"field":"a","from":1,"to":2},{"field":"b","from":"\ud800","to":1}]}"""), "changes[1].from" },
        { U($$""","changes":[{{string.Join(",", Enumerable.Repeat($$"""{"field":"a","from":"{{new string('x', 450)}}","to":"{{new string('y', 450)}}"}""", 35))}}]}"""), "changes" },

        // note: tab and line breaks are text, every other control character (NUL included) is not.
        { B($$""","note":"{{new string('字', 2001)}}"}"""), "note" },
        { B($$""","note":"{{string.Concat(Enumerable.Repeat("👍🏽", 1001))}}"}"""), "note" },
        { B(""","note":"\u0000"}"""), "note" },
        { B(""","note":"a\u0007b"}"""), "note" },
        { B(""","note":"\u001b[31mred"}"""), "note" },
        { B(""","note":"\u007f"}"""), "note" },
        { B(""","note":"\u0085"}"""), "note" },
        { B(""","note":"\ud800"}"""), "note" },
        { B(""","note":"x\udc00"}"""), "note" },
        { B(""","note":"\ude00\ud83d"}"""), "note" },
        { B(""","note":{"text":"x"}}"""), "note" },
        { B(""","note":"a\uffffb"}"""), "note" },
        { B(""","note":"\ufdd0"}"""), "note" },
        { B(""","note":"x\udbff\udfffy"}"""), "note" },
        { B(""","note":"x\ud83f\udffey"}"""), "note" },
        { B(""","recruitName":"a\u2028b"}"""), "recruitName" },
        { B(""","recruitName":"a\ufffeb"}"""), "recruitName" },

        // operationId.
        { B(""","operationId":""}"""), "operationId" },
        { B(""","operationId":"k/1"}"""), "operationId" },
        { B($$""","operationId":"{{new string('k', 65)}}"}"""), "operationId" },
        { B(""","operationId":123}"""), "operationId" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task A_request_breaking_a_rule_gets_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var before = await fixture.CountRowsAsync();

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await ErrorsAsync(response);
        Assert.True(errors.ContainsKey(field), $"Expected an error for '{field}', got: {string.Join(", ", errors.Keys)}");
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task Every_failing_field_is_named_in_one_answer()
    {
        var body = $$"""
            {"recruitId":"R/1","action":"promoted","note":"{{new string('n', 2001)}}","operationId":"","colour":"red"}
            """;
        var before = await fixture.CountRowsAsync();

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["action", "colour", "note", "operationId", "recruitId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.NotEmpty(messages));
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task A_bad_change_is_named_alone_without_claiming_the_changes_are_missing()
    {
        var body = U(""","changes":[{"field":"a","from":{},"to":2}]}""");

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["changes[0].from"], (await ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task Valid_json_nested_too_deep_is_told_apart_from_invalid_json()
    {
        var body = U(""","changes":[{"field":"a","from":1,"to":[[[[[[[[[[1]]]]]]]]]]}]}""");

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single((await ErrorsAsync(response))["body"]);
        Assert.Contains("nests deeper than 8", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("guest", HttpStatusCode.Forbidden)]
    public async Task A_caller_who_may_not_record_is_refused_and_nothing_is_written(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? new HttpClient { BaseAddress = fixture.App.BaseAddress } : fixture.App.ClientFor(role);
        var before = await fixture.CountRowsAsync();

        using var response = await OperationsAppFixture.PostAsync(client, """{"recruitId":"R1","action":"created"}""");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_get_400_and_write_nothing()
    {
        var body = "{\"recruitId\":\"R1\",\"action\":\"created\",\"note\":\"\u00ff\"}"u8.ToArray();
        body[^3] = 0xFF; // No UTF-8 sequence contains 0xFF.
        var before = await fixture.CountRowsAsync();

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).ContainsKey("note"));
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    internal static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray(), StringComparer.Ordinal);
    }
}
