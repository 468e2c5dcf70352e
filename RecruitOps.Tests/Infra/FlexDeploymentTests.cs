using System.Globalization;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using System.Xml;
using RecruitOps.Hosting;
using RecruitOps.Streaming;

namespace RecruitOps.Tests.Infra;

/// <summary>What the compiled template deploys: the plan, the runtime, keyless access, least privilege.</summary>
[Collection(BicepTemplateGroup.Name)]
[Trait("Category", "Infra")]
public sealed class FlexDeploymentTests(BicepBuildFixture bicep)
{
    // Built-in roles too broad for an app identity: Owner, Contributor, User Access Administrator.
    private static readonly string[] BroadRoles =
        ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"];

    [Fact]
    public void The_app_runs_on_Flex_Consumption_with_the_dotnet_version_the_project_targets()
    {
        var plan = Single("Microsoft.Web/serverfarms");
        var runtime = Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["runtime"]!;
        var targetFramework = typeof(RecruitOpsServices).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!;
        var target = new FrameworkName(targetFramework.FrameworkName);

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal(target.Version.ToString(2), (string?)runtime["version"]);
    }

    [Fact]
    public void The_stream_lifetime_parameter_only_allows_values_the_app_accepts_below_the_front_end_limit()
    {
        var parameter = bicep.Template.Root["parameters"]!["streamLifetimeSeconds"]!;
        var range = PlanLimitsTests.LifetimeRange;

        Assert.InRange((int)parameter["maxValue"]!, 1, PlanLimitsTests.FrontEndLimitSeconds - 1);
        Assert.InRange((int)parameter["maxValue"]!, 1, PlanLimitsTests.LongestLifetimeSeconds);
        Assert.True((int)parameter["minValue"]! >= Convert.ToInt32(range.Minimum, CultureInfo.InvariantCulture));
        Assert.Equal(new StreamOptions().LifetimeSeconds, (int)parameter["defaultValue"]!);
    }

    [Fact]
    public void Nothing_accepts_keys_or_shared_access_signatures()
    {
        var storage = Single("Microsoft.Storage/storageAccounts")["properties"]!;
        var serviceBus = Single("Microsoft.ServiceBus/namespaces")["properties"]!;
        var insights = Single("Microsoft.Insights/components")["properties"]!;
        var deployment = Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.True((bool)serviceBus["disableLocalAuth"]!);
        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Equal("UserAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        Assert.All(bicep.Template.AppSettings().Values, value =>
        {
            Assert.DoesNotContain("AccountKey=", value ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessKey", value ?? "", StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void The_topic_drops_resent_operations_for_longer_than_a_client_keeps_retrying()
    {
        var topic = Single("Microsoft.ServiceBus/namespaces/topics")["properties"]!;
        var parameter = bicep.Template.Root["parameters"]!["duplicateDetectionWindow"]!;
        var window = XmlConvert.ToTimeSpan((string)parameter["defaultValue"]!);

        Assert.True((bool)topic["requiresDuplicateDetection"]!);
        // Retries of one publish take seconds; the outbox sweep republishes what was left unacknowledged within minutes.
        Assert.InRange(window, TimeSpan.FromMinutes(5), TimeSpan.FromDays(7));
    }

    [Fact]
    public void Every_role_assignment_grants_a_narrow_built_in_role_to_the_app_identity()
    {
        var assignments = bicep.Template.ResourcesOfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, entry =>
        {
            var properties = entry.Resource["properties"]!;
            Assert.Equal("ServicePrincipal", (string?)properties["principalType"]);
            Assert.StartsWith("[guid(", (string?)entry.Resource["name"], StringComparison.Ordinal);
            Assert.Contains("roleDefinitions", (string?)properties["roleDefinitionId"], StringComparison.Ordinal);
            // Role ids may sit in a variable of the module, so the whole module is searched.
            var module = entry.Template.ToJsonString();
            Assert.DoesNotContain(BroadRoles, role => module.Contains(role, StringComparison.OrdinalIgnoreCase));
        });
    }

    private JsonObject Single(string type) => Assert.Single(bicep.Template.ResourcesOfType(type)).Resource;
}
