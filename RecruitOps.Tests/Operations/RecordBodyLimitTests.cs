using System.Net;
using System.Text;

namespace RecruitOps.Tests.Operations;

/// <summary>The body's envelope: 64 KiB at most however it is framed, and JSON only; nothing written otherwise.</summary>
public sealed class RecordBodyLimitTests(OperationsAppFixture fixture) : IClassFixture<OperationsAppFixture>
{
    private const int Limit = 64 * 1024;

    [Fact]
    public async Task A_valid_body_of_exactly_64_KiB_is_recorded()
    {
        var body = Padded("""{"recruitId":"R1","action":"created","note":"fits"}""", Limit);

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_body_one_byte_over_64_KiB_with_content_length_gets_413_and_writes_nothing()
    {
        var body = Padded("""{"recruitId":"R1","action":"created"}""", Limit + 1);
        var before = await fixture.CountRowsAsync();

        using var response = await OperationsAppFixture.PostAsync(fixture.Recruiter, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task A_chunked_body_over_64_KiB_without_content_length_gets_413_and_writes_nothing()
    {
        var body = Padded("""{"recruitId":"R1","action":"created"}""", 4 * Limit);
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/recruits/operations") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var before = await fixture.CountRowsAsync();

        using var response = await fixture.Recruiter.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Fact]
    public async Task A_small_chunked_body_is_recorded()
    {
        using var content = new StreamContent(new MemoryStream("""{"recruitId":"R1","action":"archived"}"""u8.ToArray()));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/recruits/operations") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await fixture.Recruiter.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_gets_415_and_writes_nothing(string? contentType)
    {
        var before = await fixture.CountRowsAsync();

        using var response = await OperationsAppFixture.PostAsync(
            fixture.Recruiter, """{"recruitId":"R1","action":"created"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    public async Task Json_is_accepted_with_or_without_a_utf8_charset(string contentType)
    {
        using var response = await OperationsAppFixture.PostAsync(
            fixture.Recruiter, """{"recruitId":"R1","action":"created"}""", contentType);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>JSON allows whitespace between tokens: pads a body to an exact size without changing its meaning.</summary>
    private static byte[] Padded(string json, int size)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var padded = new byte[size];
        Array.Fill(padded, (byte)' ');
        bytes.AsSpan(0, bytes.Length - 1).CopyTo(padded);
        padded[^1] = (byte)'}';
        return padded;
    }
}
