using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Messaging.Fakes;

/// <summary>
/// The standalone host with the Service Bus transport wired as in Azure (a namespace configured, a pre-created
/// subscription) but its client replaced by an in-memory one.
/// </summary>
public static class InMemoryBusApp
{
    public static Task<TestApp> StartAsync(FakeServiceBusClient bus, Action<WebApplicationBuilder>? configure = null) =>
        TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["ServiceBus"] = ServiceBusConfigurationTests.LoopbackConnection,
                ["ServiceBus:SubscriptionName"] = "relay-test",
            },
            builder =>
            {
                builder.Services.AddSingleton<IAzureClientFactory<ServiceBusClient>>(new FixedClientFactory<ServiceBusClient>(bus));
                configure?.Invoke(builder);
            });
}
