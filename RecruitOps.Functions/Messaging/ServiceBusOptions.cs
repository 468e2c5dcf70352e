using System.ComponentModel.DataAnnotations;
using Azure.Messaging.ServiceBus;

namespace RecruitOps.Messaging;

/// <summary>
/// The Service Bus topic that carries operations between instances. Unset (no connection string and no
/// <c>fullyQualifiedNamespace</c>), the app runs on one instance with the in-process relay.
/// Settings follow the Azure Functions connection convention: <c>ServiceBus</c> itself is a connection string, or
/// <c>ServiceBus__fullyQualifiedNamespace</c> (+ <c>ServiceBus__credential</c>, <c>ServiceBus__clientId</c>) uses
/// an identity.
/// </summary>
public sealed class ServiceBusOptions : IValidatableObject
{
    public const string SectionName = "ServiceBus";
    private const string EntityName = "^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,48}[A-Za-z0-9])?$";
    private string? _subscriptionName;

    /// <summary>The section's own value: a connection string, for local runs (never logged).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>For identity-based access in Azure, e.g. <c>sb-recruitops.servicebus.windows.net</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    [Required(ErrorMessage = "ServiceBus:TopicName is required.")]
    [RegularExpression(EntityName, ErrorMessage =
        "ServiceBus:TopicName must be 1 to 50 letters, digits, '.', '-' or '_', starting and ending with a letter or digit.")]
    public string TopicName { get; set; } = "operations";

    /// <summary>
    /// A pre-provisioned subscription to receive from, for one instance or without Manage rights. Unset, each instance
    /// creates its own (named after the instance) on demand. Blank counts as unset: an empty app setting
    /// (<c>ServiceBus__SubscriptionName=</c>) would otherwise pass the pattern, which accepts the empty string, and
    /// turn off on-demand creation with no subscription to receive from.
    /// </summary>
    [RegularExpression(EntityName, ErrorMessage =
        "ServiceBus:SubscriptionName must be 1 to 50 letters, digits, '.', '-' or '_', starting and ending with a letter or digit.")]
    public string? SubscriptionName
    {
        get => _subscriptionName;
        set => _subscriptionName = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>How long receiving goes on after the last local stream closed: pages reload and reconnect at once.</summary>
    [Range(0, 3_600, ErrorMessage = "ServiceBus:IdleStopSeconds must be 0 to 3600.")]
    public int IdleStopSeconds { get; set; } = 60;

    /// <summary>AutoDeleteOnIdle of an instance's own subscription, so a crashed instance's leaves by itself (5 minimum).</summary>
    [Range(5, 10_080, ErrorMessage = "ServiceBus:SubscriptionIdleMinutes must be 5 (the service's minimum) to 10080.")]
    public int SubscriptionIdleMinutes { get; set; } = 5;

    /// <summary>
    /// Message time to live in an instance's own subscription. Older messages are worthless: every stream ends within
    /// its lifetime and resumes from Table Storage.
    /// </summary>
    [Range(10, 3_600, ErrorMessage = "ServiceBus:MessageTimeToLiveSeconds must be 10 to 3600.")]
    public int MessageTimeToLiveSeconds { get; set; } = 240;

    /// <summary>
    /// How long a new stream waits for receiving to start (the subscription created, the processor running) before it
    /// is refused with 503 and the client retries. It must not read storage before: it could miss an operation for good.
    /// </summary>
    [Range(1, 60, ErrorMessage = "ServiceBus:ReadyTimeoutSeconds must be 1 to 60.")]
    public int ReadyTimeoutSeconds { get; set; } = 10;

    /// <summary>Wait before trying again when receiving could not start (no subscription rights, network down).</summary>
    [Range(1, 300, ErrorMessage = "ServiceBus:RestartDelaySeconds must be 1 to 300.")]
    public int RestartDelaySeconds { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString) && !IsConnectionString(ConnectionString))
        {
            // The value is a secret: name the setting, never echo it.
            yield return new ValidationResult(
                "ServiceBus is not a Service Bus connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...).",
                [nameof(ConnectionString)]);
        }

        if (!string.IsNullOrWhiteSpace(FullyQualifiedNamespace)
            && (Uri.CheckHostName(FullyQualifiedNamespace) != UriHostNameType.Dns || !FullyQualifiedNamespace.Contains('.', StringComparison.Ordinal)))
        {
            yield return new ValidationResult(
                "ServiceBus:fullyQualifiedNamespace must be a host name such as <namespace>.servicebus.windows.net (no scheme, no path).",
                [nameof(FullyQualifiedNamespace)]);
        }
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            var properties = ServiceBusConnectionStringProperties.Parse(value);
            return properties.Endpoint is not null;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
