using System.Text.RegularExpressions;
using RecruitOps.Messaging;

namespace RecruitOps.Tests.Messaging;

public sealed partial class InstanceSubscriptionNameTests
{
    [Theory]
    [InlineData("a0c3f1d2e4b5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d:4242")]
    [InlineData("LAPTOP-ÄÖÜ/名前 with spaces#?:1")]
    [InlineData(":0")]
    public void Names_are_stable_within_50_characters_and_use_only_what_service_bus_allows(string instanceId)
    {
        var name = InstanceSubscriptionName.For(instanceId);

        Assert.Equal(name, InstanceSubscriptionName.For(instanceId));
        Assert.InRange(name.Length, 1, 50);
        Assert.Matches(ServiceBusEntityName(), name);
    }

    [Fact]
    public void Two_processes_on_one_instance_get_different_subscriptions()
    {
        var first = InstanceSubscriptionName.CurrentInstanceId(Environment("instance-a"), "host", 100);
        var second = InstanceSubscriptionName.CurrentInstanceId(Environment("instance-a"), "host", 101);

        Assert.NotEqual(InstanceSubscriptionName.For(first), InstanceSubscriptionName.For(second));
    }

    [Fact]
    public void The_app_service_instance_id_is_used_when_present_and_the_machine_name_otherwise()
    {
        var inAzure = InstanceSubscriptionName.CurrentInstanceId(Environment("5f0c2e"), "ignored-host", 7);
        var local = InstanceSubscriptionName.CurrentInstanceId(Environment(null), "dev-box", 7);

        Assert.Equal("5f0c2e:7", inAzure);
        Assert.Equal("dev-box:7", local);
    }

    private static Func<string, string?> Environment(string? websiteInstanceId) =>
        name => name == "WEBSITE_INSTANCE_ID" ? websiteInstanceId : null;

    // Service Bus: letters, digits, '.', '-', '_'; starts and ends with a letter or digit.
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$")]
    private static partial Regex ServiceBusEntityName();
}
