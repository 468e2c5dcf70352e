using System.Text.RegularExpressions;
using RecruitOps.Replay;

namespace RecruitOps.Tests.Replay;

public sealed partial class ReplayLineParserTests
{
    private const string WithoutId =
        """{"as": {"sub": "u-1004", "name": "李 明", "role": "recruiter"}, "body": {"recruitId": "R1", "action": "created"}}""";

    [Fact]
    public void Derived_operation_id_is_the_same_for_the_same_line_at_the_same_place()
    {
        var first = DerivedOperationId.For(7, WithoutId);
        var again = DerivedOperationId.For(7, WithoutId);
        var elsewhere = DerivedOperationId.For(8, WithoutId);
        var edited = DerivedOperationId.For(7, WithoutId.Replace("created", "archived", StringComparison.Ordinal));

        Assert.Equal(first, again);
        Assert.NotEqual(first, elsewhere);
        Assert.NotEqual(first, edited);
        Assert.Matches(AllowedKey(), first);
    }

    [Fact]
    public void A_line_without_operation_id_gets_the_derived_one_in_its_body()
    {
        var line = ReplayLineParser.Parse(3, WithoutId, out var reason);

        Assert.Null(reason);
        Assert.Equal(DerivedOperationId.For(3, WithoutId), line!.OperationId);
        Assert.Equal(line.OperationId, line.Body["operationId"]!.GetValue<string>());
        Assert.Equal(new ReplayUser("u-1004", "李 明", "recruiter"), line.User);
        Assert.Equal("R1", line.Lane);
    }

    [Fact]
    public void A_line_with_operation_id_keeps_it()
    {
        var text = """{"as": {"sub": "u-1", "role": "gicho"}, "body": {"recruitId": "R1", "action": "archived", "operationId": "op-1-1"}}""";

        var line = ReplayLineParser.Parse(1, text, out _);

        Assert.Equal("op-1-1", line!.OperationId);
        Assert.Equal("u-1", line.User.Name);
    }

    [Theory]
    [InlineData("{not json", "The line is not valid JSON.")]
    [InlineData("[1, 2]", "The line is not a JSON object.")]
    [InlineData("""{"body": {}}""", "\"as\" is missing or not an object {sub, name, role}.")]
    [InlineData("""{"as": {"sub": "u-1"}, "body": {}}""", "\"as.role\" is missing or not a non-empty string.")]
    [InlineData("""{"as": {"sub": "u-1", "role": "gicho"}, "body": "x"}""", "\"body\" is missing or not an object.")]
    [InlineData("""{"as": {"sub": "u-1", "role": "gicho"}, "as": {}, "body": {}}""", "The line is not valid JSON.")]
    public void A_malformed_line_is_refused_with_a_reason(string text, string expected)
    {
        var line = ReplayLineParser.Parse(1, text, out var reason);

        Assert.Null(line);
        Assert.Equal(expected, reason);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex AllowedKey();
}
