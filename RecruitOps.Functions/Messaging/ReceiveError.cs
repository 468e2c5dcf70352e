using Azure.Messaging.ServiceBus;

namespace RecruitOps.Messaging;

/// <summary>
/// The last fault receiving from the subscription, as the health endpoint shows it: its kind and when, never its
/// message, which can carry host names and tracking ids.
/// </summary>
/// <param name="Type">The exception's type name, e.g. <c>ServiceBusException</c>.</param>
/// <param name="Reason">For a <see cref="ServiceBusException"/>, its <see cref="ServiceBusException.Reason"/>.</param>
/// <param name="Source">Where it happened: the processor's <see cref="ServiceBusErrorSource"/>, or <c>Start</c>.</param>
/// <param name="At">When it was reported.</param>
public sealed record ReceiveError(string Type, string? Reason, string Source, DateTimeOffset At)
{
    public static ReceiveError From(Exception exception, string source, DateTimeOffset at) =>
        new(exception.GetType().Name, (exception as ServiceBusException)?.Reason.ToString(), source, at);
}
