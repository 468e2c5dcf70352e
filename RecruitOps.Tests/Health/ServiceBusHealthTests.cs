using System.Text.Json;
using Azure.Messaging.ServiceBus;
using RecruitOps.Messaging;
using RecruitOps.Tests.Infrastructure;
using RecruitOps.Tests.Messaging;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Health;

/// <summary>What /api/health says about the Service Bus feed, with the bus replaced by an in-memory topic.</summary>
public sealed class ServiceBusHealthTests
{
    [Fact]
    public async Task Health_reports_whether_the_feed_receives_its_gaps_and_the_kind_of_its_last_fault()
    {
        var bus = new InMemoryTopic().CreateClient();
        await using var app = await InMemoryBusApp.StartAsync(bus);
        using var reader = app.ClientFor("kancho");
        var idle = await ServiceBusOf(app);
        await using (var stream = await EventStreamClient.OpenAsync(reader))
        {
            await stream.NextAsync();
            var receiving = await ServiceBusOf(app);

            await Assert.Single(bus.Processors).FailAsync(RecordingSender.Unreachable());
            await stream.NextAsync();
            var afterFault = await HealthAsync(app);

            Assert.True(receiving.GetProperty("receiving").GetBoolean());
            var serviceBus = afterFault.GetProperty("serviceBus");
            var lastError = serviceBus.GetProperty("lastError");
            Assert.Equal(1, serviceBus.GetProperty("gaps").GetInt64());
            Assert.Equal(1, afterFault.GetProperty("relay").GetProperty("closedForFeedGap").GetInt64());
            Assert.Equal(nameof(ServiceBusException), lastError.GetProperty("type").GetString());
            Assert.Equal(nameof(ServiceBusFailureReason.ServiceCommunicationProblem), lastError.GetProperty("reason").GetString());
            Assert.Equal("Receive", lastError.GetProperty("source").GetString());
            Assert.DoesNotContain("could not be reached", afterFault.GetRawText(), StringComparison.Ordinal);
        }

        Assert.True(idle.GetProperty("configured").GetBoolean());
        Assert.False(idle.GetProperty("receiving").GetBoolean());
        Assert.Equal("relay-test", idle.GetProperty("subscription").GetString());
        Assert.Equal(0, idle.GetProperty("gaps").GetInt64());
        Assert.Equal(JsonValueKind.Null, idle.GetProperty("lastError").ValueKind);
    }

    private static async Task<JsonElement> ServiceBusOf(TestApp app) => (await HealthAsync(app)).GetProperty("serviceBus");

    private static async Task<JsonElement> HealthAsync(TestApp app)
    {
        using var response = await app.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.Clone();
    }
}
