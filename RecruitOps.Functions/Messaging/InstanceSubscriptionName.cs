using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RecruitOps.Messaging;

/// <summary>
/// Names each instance's own subscription. Every instance must receive every message, so each needs its own
/// subscription; a hash keeps the name within Service Bus's 50 characters and its <c>A-Z a-z 0-9 . - _</c> charset
/// whatever the instance id looks like.
/// </summary>
public static class InstanceSubscriptionName
{
    public const string Prefix = "instance-";

    /// <summary><c>instance-</c> plus 32 hex digits of the id's SHA-256: 41 characters.</summary>
    public static string For(string instanceId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(instanceId));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>
    /// <c>WEBSITE_INSTANCE_ID</c> (App Service and Functions) or the machine name, plus the process id: one instance
    /// can run several worker processes (<c>FUNCTIONS_WORKER_PROCESS_COUNT</c>), and two processes sharing a
    /// ReceiveAndDelete subscription would each get only part of the messages.
    /// </summary>
    public static string CurrentInstanceId(Func<string, string?> environment, string machineName, int processId)
    {
        var host = environment("WEBSITE_INSTANCE_ID") is { Length: > 0 } instance ? instance : machineName;
        return host + ":" + processId.ToString(CultureInfo.InvariantCulture);
    }

    public static string CurrentInstanceId() =>
        CurrentInstanceId(Environment.GetEnvironmentVariable, Environment.MachineName, Environment.ProcessId);
}
