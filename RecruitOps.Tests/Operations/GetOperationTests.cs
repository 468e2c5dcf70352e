using System.Net;

namespace RecruitOps.Tests.Operations;

/// <summary>Whatever a client puts where the id goes, the answer is a problem+json 400 or 404, never a 500.</summary>
public sealed class GetOperationTests(OperationsAppFixture fixture) : IClassFixture<OperationsAppFixture>
{
    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("..%5C..%5Cwindows")]
    [InlineData("01kbkz3n9vp8d1c0yqe3rgxw7h")]
    [InlineData("01KBKZ3N9VP8D1C0YQE3RGXW7")]
    [InlineData("01KBKZ3N9VP8D1C0YQE3RGXW7HH")]
    [InlineData("01KBKZ3N9VP8D1C0YQE3RGXW7U")]
    [InlineData("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("t%7C01KBKZ3N9VP8D1C0YQE3RG")]
    [InlineData("%F0%9F%98%80")]
    [InlineData("%FF%FE")]
    [InlineData("'%20or%20'1'='1")]
    public async Task A_malformed_id_gets_400_problem_json_naming_id(string id)
    {
        using var response = await fixture.Reader.GetAsync($"/api/recruits/operations/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await RecordValidationTests.ErrorsAsync(response)).ContainsKey("id"));
    }

    [Fact]
    public async Task A_nul_in_the_path_is_refused_before_the_function_runs()
    {
        // Kestrel rejects a percent-encoded NUL in the path itself, with a bare 400: no function code is reached.
        using var response = await fixture.Reader.GetAsync("/api/recruits/operations/01KBKZ3N9VP8D1C0YQE3RGXW7H%00", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_very_long_id_gets_400_problem_json()
    {
        var id = new string('A', 4_000);

        using var response = await fixture.Reader.GetAsync($"/api/recruits/operations/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("00000000000000000000000000")]
    [InlineData("01KBKZ3N9VP8D1C0YQE3RGXW7H")]
    [InlineData("76EZ91ZPZZZZZZZZZZZZZZZZZZ")]
    public async Task A_well_formed_id_that_was_never_recorded_gets_404_problem_json(string id)
    {
        using var response = await fixture.Reader.GetAsync($"/api/recruits/operations/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
