using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RecruitOps.Messaging;

/// <summary>
/// Makes sure this instance's subscription exists. A fixed <c>ServiceBus:SubscriptionName</c> is used as it is (no
/// Manage rights needed); otherwise the instance's own subscription is created on demand, and again after the
/// service auto-deleted it while the instance was idle.
/// </summary>
public sealed partial class SubscriptionProvisioner(
    IAzureClientFactory<ServiceBusAdministrationClient> administrationClients,
    IOptions<ServiceBusOptions> options,
    ILogger<SubscriptionProvisioner> logger) : IDisposable
{
    private readonly SemaphoreSlim _recreateGate = new(1, 1);
    private readonly string _name = options.Value.SubscriptionName ?? InstanceSubscriptionName.For(InstanceSubscriptionName.CurrentInstanceId());

    public string Name => _name;

    /// <summary>True when this instance creates (and recreates) its own subscription.</summary>
    public bool CreatesOnDemand => options.Value.SubscriptionName is null;

    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        if (!CreatesOnDemand)
        {
            return _name;
        }

        var settings = options.Value;
        var subscription = new CreateSubscriptionOptions(settings.TopicName, _name)
        {
            AutoDeleteOnIdle = TimeSpan.FromMinutes(settings.SubscriptionIdleMinutes),
            DefaultMessageTimeToLive = TimeSpan.FromSeconds(settings.MessageTimeToLiveSeconds),
            // Expired fan-out copies are worthless: Table Storage is what streams resume from.
            DeadLetteringOnMessageExpiration = false,
            UserMetadata = "RecruitOps instance relay",
        };
        try
        {
            await administrationClients.CreateClient(ServiceBusClients.Name).CreateSubscriptionAsync(subscription, cancellationToken);
            Log.Created(logger, _name, settings.TopicName);
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.MessagingEntityAlreadyExists)
        {
            // Kept from before a restart of receiving, or made by a concurrent recreate: either way it is there.
        }

        return _name;
    }

    /// <summary>
    /// After the service deleted an idle instance's subscription (AutoDeleteOnIdle) the processor reports it missing,
    /// once per retry: one recreate at a time, the others skip. Faults are logged, never thrown into the processor.
    /// </summary>
    public async Task RecreateAsync(CancellationToken cancellationToken)
    {
        if (!CreatesOnDemand || !await _recreateGate.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            await EnsureAsync(cancellationToken);
            Log.Recreated(logger, _name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.RecreateFailed(logger, ex, _name);
        }
        finally
        {
            _recreateGate.Release();
        }
    }

    public void Dispose() => _recreateGate.Dispose();

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Created subscription {Subscription} on topic {Topic} for this instance")]
        public static partial void Created(ILogger logger, string subscription, string topic);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Recreated subscription {Subscription} after the service deleted it")]
        public static partial void Recreated(ILogger logger, string subscription);

        [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Could not recreate subscription {Subscription}; the next receive fault tries again")]
        public static partial void RecreateFailed(ILogger logger, Exception exception, string subscription);
    }
}
