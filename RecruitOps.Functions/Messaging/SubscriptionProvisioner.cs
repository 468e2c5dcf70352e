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
    ILogger<SubscriptionProvisioner> logger)
{
    private readonly string _name = options.Value.SubscriptionName ?? InstanceSubscriptionName.For(InstanceSubscriptionName.CurrentInstanceId());

    public string Name => _name;

    /// <summary>True when this instance creates its own subscription (again, after the service deleted it).</summary>
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
            // Kept from an earlier start of receiving (it outlives an idle stop by SubscriptionIdleMinutes).
        }

        return _name;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Created subscription {Subscription} on topic {Topic} for this instance")]
        public static partial void Created(ILogger logger, string subscription, string topic);
    }
}
