using Azure.Core;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecruitOps.Streaming;

namespace RecruitOps.Messaging;

/// <summary>
/// Wires the Service Bus transport. Everything is registered either way and decided when first resolved, because
/// the configuration is only complete once the host is built: with <c>ServiceBus</c> set, publishing goes to the
/// topic and <see cref="ServiceBusRelayFeed"/> relays it; without, <see cref="InProcessPublisher"/> does both.
/// </summary>
public static class ServiceBusClients
{
    /// <summary>The name Microsoft.Extensions.Azure gives a client registered without one.</summary>
    public const string Name = "Default";

    public static IServiceCollection AddServiceBusTransport(this IServiceCollection services)
    {
        services.AddOptions<ServiceBusOptions>()
            .BindConfiguration(ServiceBusOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetSection(ServiceBusOptions.SectionName).Value)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAzureClients(clients =>
        {
            clients.AddClient<ServiceBusClient, ServiceBusClientOptions>((clientOptions, provider) =>
                CreateClient(Settings(provider), () => Credential(provider), clientOptions));
            clients.AddClient<ServiceBusAdministrationClient, ServiceBusAdministrationClientOptions>((clientOptions, provider) =>
                CreateAdministrationClient(Settings(provider), () => Credential(provider), clientOptions));
        });
        services.TryAddSingleton(provider => provider.GetRequiredService<IAzureClientFactory<ServiceBusClient>>()
            .CreateClient(Name).CreateSender(Settings(provider).TopicName));
        services.TryAddSingleton<ServiceBusOperationPublisher>();
        services.TryAddSingleton<InProcessPublisher>();
        services.TryAddSingleton<IOperationPublisher>(provider => Settings(provider).IsConfigured
            ? provider.GetRequiredService<ServiceBusOperationPublisher>()
            : provider.GetRequiredService<InProcessPublisher>());
        services.AddHostedService<PublisherWarmup>();
        services.TryAddSingleton<SubscriptionProvisioner>();
        services.TryAddSingleton<ServiceBusRelayFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<ServiceBusRelayFeed>());
        services.TryAddSingleton<InProcessRelayFeed>();
        services.TryAddSingleton<IRelayFeed>(provider => Settings(provider).IsConfigured
            ? provider.GetRequiredService<ServiceBusRelayFeed>()
            : provider.GetRequiredService<InProcessRelayFeed>());
        return services;
    }

    /// <summary>A connection string (local runs) or the namespace with an identity (Azure), as for storage.</summary>
    internal static ServiceBusClient CreateClient(ServiceBusOptions settings, Func<TokenCredential> credential, ServiceBusClientOptions clientOptions) =>
        string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new ServiceBusClient(RequireNamespace(settings), credential(), clientOptions)
            : new ServiceBusClient(settings.ConnectionString, clientOptions);

    internal static ServiceBusAdministrationClient CreateAdministrationClient(
        ServiceBusOptions settings, Func<TokenCredential> credential, ServiceBusAdministrationClientOptions clientOptions) =>
        string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new ServiceBusAdministrationClient(RequireNamespace(settings), credential(), clientOptions)
            : new ServiceBusAdministrationClient(settings.ConnectionString, clientOptions);

    private static string RequireNamespace(ServiceBusOptions settings) =>
        settings.FullyQualifiedNamespace
        ?? throw new InvalidOperationException(
            $"Set {ServiceBusOptions.SectionName} to a connection string or {ServiceBusOptions.SectionName}__fullyQualifiedNamespace to use Service Bus.");

    private static ServiceBusOptions Settings(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value;

    /// <summary>
    /// <c>ServiceBus__credential</c>=managedidentity (+ <c>ServiceBus__clientId</c>) picks a managed identity, as Azure
    /// Functions connections do; unset, the default Azure credential chain (a developer's sign-in locally).
    /// </summary>
    private static TokenCredential Credential(IServiceProvider provider) =>
        provider.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(
            provider.GetRequiredService<IConfiguration>().GetSection(ServiceBusOptions.SectionName));
}
