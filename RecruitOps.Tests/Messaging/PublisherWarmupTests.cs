using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RecruitOps.Messaging;
using RecruitOps.Tests.Infrastructure;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

/// <summary>The sender's link is opened as the app starts, so the first publish after a cold start is on time.</summary>
public sealed class PublisherWarmupTests
{
    [Fact]
    public async Task With_service_bus_the_sender_connects_at_start_without_sending_anything()
    {
        var bus = new InMemoryTopic().CreateClient();
        await using var app = await InMemoryBusApp.StartAsync(bus);

        await Warmup(app).ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(1, bus.Sender.BatchesCreated);
        Assert.Empty(bus.Sender.Sent);
    }

    [Fact]
    public async Task Without_service_bus_the_warmup_has_nothing_to_open()
    {
        await using var app = await TestApp.StartAsync();

        var warmup = Warmup(app);
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(warmup.ExecuteTask.IsCompletedSuccessfully);
        Assert.IsType<InProcessPublisher>(app.Services.GetRequiredService<IOperationPublisher>());
    }

    private static PublisherWarmup Warmup(TestApp app) =>
        app.Services.GetServices<IHostedService>().OfType<PublisherWarmup>().Single();
}
