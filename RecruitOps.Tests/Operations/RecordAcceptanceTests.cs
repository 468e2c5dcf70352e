using System.Net;
using System.Text.Json;

namespace RecruitOps.Tests.Operations;

/// <summary>The edges the contract allows: they are stored and read back exactly as sent.</summary>
public sealed class RecordAcceptanceTests(OperationsAppFixture fixture) : IClassFixture<OperationsAppFixture>
{
    [Fact]
    public async Task Null_for_an_optional_field_means_the_field_is_absent()
    {
        var body = """
            {"recruitId":"R1","recruitName":null,"action":"created","decision":null,"changes":null,"note":null,"operationId":null}
            """;

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var stored = await GetStoredAsync(response);
        foreach (var name in new[] { "recruitName", "decision", "changes", "note" })
        {
            Assert.Equal(JsonValueKind.Null, stored.RootElement.GetProperty(name).ValueKind);
        }
    }

    [Fact]
    public async Task Empty_name_and_note_are_kept_as_empty_strings_not_turned_into_null()
    {
        using var response = await OperationsAppFixture.PostAsync(
            fixture.Recruiter, """{"recruitId":"R1","recruitName":"","action":"created","note":""}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var stored = await GetStoredAsync(response);
        Assert.Equal("", stored.RootElement.GetProperty("recruitName").GetString());
        Assert.Equal("", stored.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Lengths_are_counted_in_code_points_so_the_maximum_in_emoji_is_accepted()
    {
        var name = string.Concat(Enumerable.Repeat("😀", 100));
        var note = string.Concat(Enumerable.Repeat("👍", 2000));
        var field = string.Concat(Enumerable.Repeat("🔑", 64));
        var value = string.Concat(Enumerable.Repeat("🎤", 1000));
        var body = JsonSerializer.Serialize(new
        {
            recruitId = new string('R', 64),
            recruitName = name,
            action = "updated",
            changes = new[] { new { field, from = value, to = (string?)null } },
            note,
            operationId = new string('k', 64),
        });

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var stored = await GetStoredAsync(response);
        Assert.Equal(name, stored.RootElement.GetProperty("recruitName").GetString());
        Assert.Equal(note, stored.RootElement.GetProperty("note").GetString());
        Assert.Equal(field, stored.RootElement.GetProperty("changes")[0].GetProperty("field").GetString());
        Assert.Equal(value, stored.RootElement.GetProperty("changes")[0].GetProperty("from").GetString());
    }

    [Fact]
    public async Task Scalar_change_values_come_back_as_the_same_json_tokens()
    {
        string[] values = ["\"text\"", "0", "-0", "1.5", "1.7976931348623157E+308", "-5e-324", "12345678901234567890", "true", "false", "null"];
        var changes = string.Join(",", values.Select((v, i) => $$"""{"field":"f{{i}}","from":{{v}},"to":{{v}}}"""));

        using var response = await OperationsAppFixture.PostAsync(
            fixture.Recruiter, $$"""{"recruitId":"R1","action":"updated","changes":[{{changes}}]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var stored = await GetStoredAsync(response);
        var returned = stored.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(values, returned.Select(change => change.GetProperty("from").GetRawText()));
        Assert.Equal(values, returned.Select(change => change.GetProperty("to").GetRawText()));
    }

    [Fact]
    public async Task Tab_and_line_breaks_are_allowed_in_a_note_and_kept()
    {
        const string note = "line one\r\nline two\n\tindented\rend";

        using var response = await OperationsAppFixture.PostAsync(
            fixture.Recruiter, JsonSerializer.Serialize(new { recruitId = "R1", action = "created", note }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var stored = await GetStoredAsync(response);
        Assert.Equal(note, stored.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public async Task The_largest_operation_the_rules_allow_fits_table_storage_and_service_bus()
    {
        // Emoji grow most on the way out (the JSON encoder writes each as a 12-byte surrogate-pair escape).
        var emoji = (int count) => string.Concat(Enumerable.Repeat("😀", count));
        var changes = new[]
        {
            new { field = emoji(64), from = emoji(1000), to = emoji(1000) },
            new { field = emoji(64), from = emoji(300), to = "" },
        };
        var body = JsonSerializer.Serialize(new { recruitId = "R1", recruitName = emoji(100), action = "updated", changes, note = emoji(2000) });

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var stored = await GetStoredAsync(response);
        var changesJson = stored.RootElement.GetProperty("changes").GetRawText();
        Assert.InRange(changesJson.Length, 25_000, 30_000);
        Assert.True(changesJson.Length * 2 <= 64 * 1024, "One Table Storage property holds at most 64 KiB (UTF-16).");
        Assert.True(stored.RootElement.GetRawText().Length * 2 < 1024 * 1024, "An entity holds at most 1 MiB.");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(stored.RootElement.GetRawText()) < 256 * 1000, "A Service Bus Standard message holds 256 KB.");
    }

    /// <summary>Reads the operation back from the table through GET, not from the 201 body built in memory.</summary>
    private async Task<JsonDocument> GetStoredAsync(HttpResponseMessage created)
    {
        var json = await fixture.Reader.GetStringAsync(created.Headers.Location, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(json);
    }
}
