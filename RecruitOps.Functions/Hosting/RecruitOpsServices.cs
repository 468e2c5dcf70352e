using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RecruitOps.Auth;
using RecruitOps.Hardening;
using RecruitOps.Messaging;
using RecruitOps.Operations;
using RecruitOps.Streaming;

namespace RecruitOps.Hosting;

/// <summary>The one place services are wired, shared by both hosts.</summary>
public static class RecruitOpsServices
{
    public const string StorageConnectionName = "OperationsStorage";

    public static IServiceCollection AddRecruitOps(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddOperationStore(configuration)
            .AddEventRelay()
            .AddRequestAuthentication()
            .AddRequestHardening();

    public static IServiceCollection AddOperationStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Every IResult answer (both hosts run ASP.NET Core) serializes operations exactly as the stream does.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, OperationJson.Options.TypeInfoResolver!);
            json.SerializerOptions.Converters.Add(new UtcMillisecondConverter());
            json.SerializerOptions.Encoder = OperationJson.Options.Encoder;
        });
        services.AddSingleton<OperationIdGenerator>();
        services.AddOptions<OperationStoreOptions>()
            .BindConfiguration(OperationStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAzureClientsCore();
        services.AddSingleton(provider => CreateTableServiceClient(configuration, provider.GetRequiredService<AzureComponentFactory>()));
        services.AddSingleton<IOperationStore, TableOperationStore>();
        services.AddSingleton<OperationRecorder>();
        services.AddSingleton<OutboxSweeper>();
        return services;
    }

    public static IServiceCollection AddEventRelay(this IServiceCollection services)
    {
        services.AddOptions<StreamOptions>()
            .BindConfiguration(StreamOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<OperationRelay>();
        // The Service Bus topic when ServiceBus is configured, else the in-process relay (decided on first use).
        services.AddServiceBusTransport();
        return services;
    }

    public static IServiceCollection AddRequestAuthentication(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddHttpClient(nameof(AccessTokenValidator));
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<CallerIdentifier>();
        services.AddSingleton<IRequestAuthenticator, JwtRequestAuthenticator>();
        return services;
    }

    /// <summary>
    /// Table operations answer in milliseconds; the SDK's defaults (100 s per try, four tries) would hold a request
    /// for minutes when storage hangs and then fail it anyway. Bounded, a hung storage answers 503 in about 16 s.
    /// </summary>
    internal static TableClientOptions StorageClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        options.Retry.MaxRetries = 2;
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        return options;
    }

    /// <summary>
    /// <c>OperationsStorage</c> is either a connection string (Azurite, local runs) or a section with
    /// <c>tableServiceUri</c> and, optionally, <c>credential</c>/<c>clientId</c> for a managed identity — the
    /// identity-based convention of Azure Functions.
    /// </summary>
    internal static TableServiceClient CreateTableServiceClient(IConfiguration configuration, AzureComponentFactory factory)
    {
        var section = configuration.GetSection(StorageConnectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new TableServiceClient(section.Value, StorageClientOptions());
        }

        if (Uri.TryCreate(section["tableServiceUri"], UriKind.Absolute, out var serviceUri))
        {
            return new TableServiceClient(serviceUri, factory.CreateTokenCredential(section), StorageClientOptions());
        }

        throw new InvalidOperationException(
            $"Set {StorageConnectionName} to a storage connection string, or {StorageConnectionName}__tableServiceUri " +
            "to the account's table endpoint (https://<account>.table.core.windows.net) for managed identity.");
    }
}
