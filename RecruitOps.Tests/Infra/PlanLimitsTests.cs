using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using RecruitOps.Streaming;

namespace RecruitOps.Tests.Infra;

/// <summary>
/// The Flex Consumption front end ends every HTTP response after 230 s, so the app must end each stream first; and
/// host.json must not end a stream before the app does.
/// </summary>
[Trait("Category", "Infra")]
public sealed class PlanLimitsTests
{
    public const int FrontEndLimitSeconds = 230;

    internal static RangeAttribute LifetimeRange { get; } =
        typeof(StreamOptions).GetProperty(nameof(StreamOptions.LifetimeSeconds))!.GetCustomAttribute<RangeAttribute>()!;

    internal static int LongestLifetimeSeconds => Convert.ToInt32(LifetimeRange.Maximum, CultureInfo.InvariantCulture);

    [Fact]
    public void Stream_lifetime_default_and_its_largest_allowed_value_stay_below_the_front_end_limit()
    {
        var defaults = new StreamOptions();

        Assert.InRange(defaults.LifetimeSeconds, 1, FrontEndLimitSeconds - 1);
        Assert.InRange(LongestLifetimeSeconds, 1, FrontEndLimitSeconds - 1);
    }

    [Fact]
    public void Host_json_function_timeout_lets_a_stream_run_its_whole_lifetime()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("host.json")))!;

        var timeout = (string?)hostJson["functionTimeout"];

        // Flex Consumption has no upper bound (-1 means unbounded); its default of 30 minutes also fits.
        if (timeout is not null && timeout != "-1")
        {
            var longest = TimeSpan.FromSeconds(LongestLifetimeSeconds);
            var parses = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var parsed);
            Assert.True(parses, $"functionTimeout '{timeout}' is not a time span.");
            Assert.True(parsed > longest, $"functionTimeout {parsed} ends a stream before its lifetime (up to {longest}).");
        }
    }
}
