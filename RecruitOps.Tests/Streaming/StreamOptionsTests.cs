using Microsoft.Extensions.Options;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

public sealed class StreamOptionsTests
{
    [Theory]
    [InlineData("Stream:LifetimeSeconds", "230", "LifetimeSeconds")]
    [InlineData("Stream:ReplayLookbackSeconds", "-1", "ReplayLookbackSeconds")]
    [InlineData("Stream:BacklogCapacity", "0", "BacklogCapacity")]
    public async Task Setting_out_of_range_stops_start_up_with_a_message_naming_it(string key, string value, string name)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(
            () => TestApp.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(name, failure.Message, StringComparison.Ordinal);
    }
}
