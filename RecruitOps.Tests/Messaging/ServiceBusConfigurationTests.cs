using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecruitOps.Messaging;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Messaging;

/// <summary>
/// Settings, as the real standalone host reads them. Connection strings here point at loopback (the emulator's
/// form); nothing in these tests opens a connection.
/// </summary>
public sealed class ServiceBusConfigurationTests
{
    internal const string LoopbackConnection =
        "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    [Fact]
    public async Task Without_service_bus_settings_operations_go_through_the_in_process_relay()
    {
        await using var app = await TestApp.StartAsync();

        var publisher = app.Services.GetRequiredService<IOperationPublisher>();

        Assert.IsType<InProcessPublisher>(publisher);
        Assert.False(app.Services.GetRequiredService<IOptions<ServiceBusOptions>>().Value.IsConfigured);
    }

    [Fact]
    public async Task A_connection_string_as_the_section_value_selects_the_topic()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["ServiceBus"] = LoopbackConnection,
            ["ServiceBus:TopicName"] = "recruit-ops",
        });

        var publisher = app.Services.GetRequiredService<IOperationPublisher>();
        var sender = app.Services.GetRequiredService<ServiceBusSender>();

        Assert.IsType<ServiceBusOperationPublisher>(publisher);
        Assert.Equal("recruit-ops", sender.EntityPath);
        Assert.Equal("localhost", sender.FullyQualifiedNamespace);
    }

    [Fact]
    public async Task A_namespace_with_a_managed_identity_is_used_without_any_secret()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["ServiceBus:fullyQualifiedNamespace"] = "sb-recruitops.servicebus.windows.net",
            ["ServiceBus:credential"] = "managedidentity",
            ["ServiceBus:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var client = app.Services.GetRequiredService<ServiceBusClient>();

        Assert.Equal("sb-recruitops.servicebus.windows.net", client.FullyQualifiedNamespace);
        Assert.IsType<ServiceBusOperationPublisher>(app.Services.GetRequiredService<IOperationPublisher>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_subscription_name_counts_as_unset_and_each_instance_creates_its_own(string blank)
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["ServiceBus"] = LoopbackConnection,
            ["ServiceBus:SubscriptionName"] = blank,
        });

        var provisioner = app.Services.GetRequiredService<SubscriptionProvisioner>();

        Assert.Null(app.Services.GetRequiredService<IOptions<ServiceBusOptions>>().Value.SubscriptionName);
        Assert.True(provisioner.CreatesOnDemand);
        Assert.StartsWith(InstanceSubscriptionName.Prefix, provisioner.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ServiceBus:SubscriptionName", "relay main!", "ServiceBus:SubscriptionName")]
    [InlineData("ServiceBus:TopicName", "-operations", "ServiceBus:TopicName")]
    [InlineData("ServiceBus:SubscriptionIdleMinutes", "1", "ServiceBus:SubscriptionIdleMinutes")]
    [InlineData("ServiceBus:fullyQualifiedNamespace", "https://sb-recruitops.servicebus.windows.net/", "ServiceBus:fullyQualifiedNamespace")]
    public async Task A_bad_setting_stops_start_up_with_a_message_naming_it(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_stops_start_up_without_echoing_the_secret()
    {
        var settings = new Dictionary<string, string?> { ["ServiceBus"] = "SharedAccessKey=very-secret-value" };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));

        Assert.Contains("ServiceBus is not a Service Bus connection string", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", failure.Message, StringComparison.Ordinal);
    }
}
