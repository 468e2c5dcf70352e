using System.Text.RegularExpressions;
using System.Xml;
using RecruitOps.Messaging;

namespace RecruitOps.Tests.Infra;

/// <summary>What the compiled template does with a fixed, pre-provisioned subscription.</summary>
[Collection(BicepTemplateGroup.Name)]
[Trait("Category", "Infra")]
public sealed partial class ServiceBusDeploymentTests(BicepBuildFixture bicep)
{
    [Fact]
    public void A_fixed_subscription_drops_old_messages_as_soon_as_an_instance_s_own_subscription_does()
    {
        var subscription = Assert.Single(bicep.Template.ResourcesOfType("Microsoft.ServiceBus/namespaces/topics/subscriptions"));

        var timeToLive = XmlConvert.ToTimeSpan((string)subscription.Resource["properties"]!["defaultMessageTimeToLive"]!);

        Assert.Equal(TimeSpan.FromSeconds(new ServiceBusOptions().MessageTimeToLiveSeconds), timeToLive);
    }

    /// <summary>
    /// Instances sharing one subscription compete for its messages, so with one given the ceiling must be 1. ARM
    /// expressions cannot be evaluated offline; the test reads the one the function app module gets.
    /// </summary>
    [Fact]
    public void A_fixed_subscription_caps_the_app_at_one_instance()
    {
        var module = bicep.Template.ResourcesOfType("Microsoft.Resources/deployments")
            .Single(entry => (string?)entry.Resource["name"] == "functionapp").Resource;

        var ceiling = Resolve((string)module["properties"]!["parameters"]!["maximumInstanceCount"]!["value"]!);
        var alwaysReady = (string)module["properties"]!["parameters"]!["alwaysReadyHttpInstances"]!["value"]!;

        Assert.Matches(CappedWhenFixed(), ceiling);
        Assert.Contains("maximumInstances", alwaysReady, StringComparison.Ordinal);
        Assert.StartsWith("[min(", alwaysReady, StringComparison.Ordinal);
    }

    private string Resolve(string expression)
    {
        var variable = VariableOnly().Match(expression);
        return variable.Success ? (string)bicep.Template.Root["variables"]![variable.Groups[1].Value]! : expression;
    }

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableOnly();

    [GeneratedRegex(@"^\[if\(empty\(parameters\('serviceBusSubscriptionName'\)\), parameters\('maximumInstanceCount'\), 1\)\]$")]
    private static partial Regex CappedWhenFixed();
}
