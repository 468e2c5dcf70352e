using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecruitOps.Messaging;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

/// <summary>
/// The sweeper after a long outage, on Azurite: it drains the whole backlog in one sweep, a batch after another,
/// until the outbox is empty, the bus fails again or the sweep's time budget is spent.
/// </summary>
public sealed class OutboxSweepTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly FakeServiceBusClient _bus = new InMemoryTopic().CreateClient();
    private TestApp? _app;

    [Fact]
    public async Task One_sweep_publishes_a_backlog_of_several_batches_until_the_outbox_is_empty()
    {
        await StartAsync();
        var recorded = await RecordUnpublishedAsync(250);
        _time.Advance(OutboxSweeper.GracePeriod + TimeSpan.FromSeconds(1));

        var published = await Sweeper.SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal(250, published);
        Assert.Empty(await UnpublishedIdsAsync());
        Assert.Equal(recorded.Order(StringComparer.Ordinal), _bus.Sender.Sent.Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_sweep_stops_at_its_time_budget_and_the_next_one_carries_on()
    {
        await StartAsync();
        await RecordUnpublishedAsync(150);
        _time.Advance(OutboxSweeper.GracePeriod + TimeSpan.FromSeconds(1));
        // Every send takes a second of the sweep's budget.
        _bus.Sender.OnSend = _ =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        };

        var first = await Sweeper.SweepAsync(TestContext.Current.CancellationToken);
        var leftAfterFirst = (await UnpublishedIdsAsync()).Length;
        var second = await Sweeper.SweepAsync(TestContext.Current.CancellationToken);

        Assert.InRange(first, 1, 100);
        Assert.Equal(150 - first, leftAfterFirst);
        Assert.True(second > 0, "The next sweep carries on.");
        Assert.Equal(150 - first - second, (await UnpublishedIdsAsync()).Length);
    }

    [Fact]
    public async Task While_the_bus_fails_a_sweep_tries_one_batch_and_leaves_every_mark()
    {
        await StartAsync();
        await RecordUnpublishedAsync(150);
        _time.Advance(OutboxSweeper.GracePeriod + TimeSpan.FromSeconds(1));
        _bus.Sender.Failure = RecordingSender.Unreachable();

        var published = await Sweeper.SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, published);
        Assert.Equal(100, _bus.Sender.Attempts);
        Assert.Equal(150, (await UnpublishedIdsAsync()).Length);
    }

    private OutboxSweeper Sweeper => _app!.Services.GetRequiredService<OutboxSweeper>();

    private IOperationStore Store => _app!.Services.GetRequiredService<IOperationStore>();

    private async Task StartAsync()
    {
        _app = await InMemoryBusApp.StartAsync(_bus, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(_time);
            builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(OutboxSweepService)));
        });
    }

    /// <summary>Stores operations as if every publish after recording had failed: each keeps its outbox mark.</summary>
    private async Task<List<string>> RecordUnpublishedAsync(int count)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        var actor = new Actor("u-sweep", "Sweep Test", "recruiter");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, token) =>
        {
            var draft = new OperationDraft($"R4{i:D4}", null, "created", null, null, null, null);
            var result = await Store.RecordAsync(draft, actor, token);
            ids.Add(result.Operation!.Id);
        });
        return [.. ids];
    }

    private async Task<string[]> UnpublishedIdsAsync() =>
        (await Store.ListUnpublishedAsync(_time.GetUtcNow().AddMinutes(1), 1_000, TestContext.Current.CancellationToken))
        .Select(operation => operation.Id).ToArray();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
