using Microsoft.Extensions.Azure;

namespace RecruitOps.Tests.Messaging.Fakes;

/// <summary>Stands in for Microsoft.Extensions.Azure's factory: always the given client.</summary>
public sealed class FixedClientFactory<TClient>(TClient client) : IAzureClientFactory<TClient>
{
    public TClient CreateClient(string name) => client;
}
