using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RecruitOps.Messaging;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

public sealed class SubscriptionProvisionerTests
{
    [Fact]
    public async Task An_instance_creates_its_own_subscription_that_cleans_itself_up()
    {
        var admin = new FakeAdministrationClient();
        var provisioner = Provisioner(admin, new ServiceBusOptions { TopicName = "ops", SubscriptionIdleMinutes = 6, MessageTimeToLiveSeconds = 90 });

        var name = await provisioner.EnsureAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(admin.Requests);
        Assert.Equal(InstanceSubscriptionName.For(InstanceSubscriptionName.CurrentInstanceId()), name);
        Assert.Equal("ops", request.TopicName);
        Assert.Equal(name, request.SubscriptionName);
        Assert.Equal(TimeSpan.FromMinutes(6), request.AutoDeleteOnIdle);
        Assert.Equal(TimeSpan.FromSeconds(90), request.DefaultMessageTimeToLive);
        Assert.False(request.DeadLetteringOnMessageExpiration);
        Assert.True(provisioner.CreatesOnDemand);
    }

    [Fact]
    public async Task A_subscription_that_already_exists_is_used_as_it_is()
    {
        var admin = new FakeAdministrationClient();
        var provisioner = Provisioner(admin, new ServiceBusOptions());
        var first = await provisioner.EnsureAsync(TestContext.Current.CancellationToken);

        var second = await provisioner.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
        Assert.Equal(2, admin.Requests.Count);
        Assert.True(admin.Exists(first));
    }

    [Fact]
    public async Task A_fixed_subscription_name_needs_no_management_rights()
    {
        var admin = new FakeAdministrationClient();
        var provisioner = Provisioner(admin, new ServiceBusOptions { SubscriptionName = "relay-main" });

        var name = await provisioner.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.Equal("relay-main", name);
        Assert.Empty(admin.Requests);
        Assert.False(provisioner.CreatesOnDemand);
    }

    internal static SubscriptionProvisioner Provisioner(ServiceBusAdministrationClient admin, ServiceBusOptions options) =>
        new(new FixedClientFactory<ServiceBusAdministrationClient>(admin), Options.Create(options), NullLogger<SubscriptionProvisioner>.Instance);
}
