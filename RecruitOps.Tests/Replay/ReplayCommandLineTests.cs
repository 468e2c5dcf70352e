using RecruitOps.Replay;

namespace RecruitOps.Tests.Replay;

public sealed class ReplayCommandLineTests
{
    [Fact]
    public void File_url_and_concurrency_are_read_in_any_order()
    {
        var commandLine = ReplayCommandLine.Parse(["--concurrency", "4", "ops.jsonl", "--url", "http://127.0.0.1:7072"], out var error);

        Assert.Null(error);
        Assert.Equal(new ReplayCommandLine("ops.jsonl", new Uri("http://127.0.0.1:7072"), 4), commandLine);
    }

    [Theory]
    [InlineData(new string[0], "give the JSONL file to replay.")]
    [InlineData(new[] { "a.jsonl", "b.jsonl" }, "unexpected argument 'b.jsonl'.")]
    [InlineData(new[] { "a.jsonl", "--concurrency", "0" }, "--concurrency must be a whole number from 1 to 16.")]
    [InlineData(new[] { "a.jsonl", "--url", "ftp://host" }, "--url must be an absolute http(s) URL, not 'ftp://host'.")]
    [InlineData(new[] { "a.jsonl", "--verbose" }, "unexpected argument '--verbose'.")]
    public void Bad_arguments_are_refused_with_a_message(string[] args, string expected)
    {
        var commandLine = ReplayCommandLine.Parse(args, out var error);

        Assert.Null(commandLine);
        Assert.Equal(expected, error);
    }
}
