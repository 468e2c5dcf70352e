using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Streaming;

/// <summary>
/// Ids come from each instance's clock. These record through a second store whose clock lags, sharing the app's
/// table as a second instance would, so an operation sorts before the client's resume point yet commits after it.
/// </summary>
public sealed class ClockSkewTests
{
    [Fact]
    public async Task Operation_a_lagging_instance_commits_after_the_resume_point_is_replayed_within_the_lookback()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Stream:ReplayCommitLagSeconds"] = "0" });
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var early = await StreamKit.RecordAsync(writer, "R1");
        var resumePoint = await StreamKit.RecordAsync(writer, "R2");

        var late = await RecordLaggingAsync(app, TimeSpan.FromSeconds(3), "R3");
        var beyondLookback = await RecordLaggingAsync(app, TimeSpan.FromSeconds(60), "R4");
        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: resumePoint);
        await resumed.NextAsync();
        var sentinel = await StreamKit.RecordAsync(writer, "R5");
        var replayed = StreamKit.OperationIds(await StreamKit.ReadUntilAsync(resumed, sentinel));

        Assert.True(string.CompareOrdinal(late, resumePoint) < 0, "the lagging clock's id sorts before the resume point");
        // Committed before the resume point: the client already had it. Older than the lookback: out of reach by design.
        Assert.DoesNotContain(early, replayed);
        Assert.Equal([late, sentinel], replayed);
        Assert.DoesNotContain(beyondLookback, replayed);
    }

    [Fact]
    public async Task Operation_committed_just_before_the_resume_point_is_replayed_again_in_case_its_publish_lagged()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = app.ClientFor("kancho");
        using var writer = app.ClientFor("recruiter");
        var justBefore = await StreamKit.RecordAsync(writer, "R1");
        var resumePoint = await StreamKit.RecordAsync(writer, "R2");

        await using var resumed = await EventStreamClient.OpenAsync(reader, lastEventId: resumePoint);
        await resumed.NextAsync();
        var sentinel = await StreamKit.RecordAsync(writer, "R3");
        var replayed = StreamKit.OperationIds(await StreamKit.ReadUntilAsync(resumed, sentinel));

        Assert.Equal([justBefore, sentinel], replayed);
    }

    private static async Task<string> RecordLaggingAsync(TestApp app, TimeSpan lag, string recruitId)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow - lag);
        using var store = new TableOperationStore(
            new TableServiceClient(TestApp.StorageConnectionString),
            Options.Create(new OperationStoreOptions { TableName = app.TableName }),
            new OperationIdGenerator(clock),
            clock,
            NullLogger<TableOperationStore>.Instance);
        var draft = new OperationDraft(recruitId, null, "created", null, null, null, null);
        var result = await store.RecordAsync(draft, new Actor("u-lag", "Lagging Instance", "recruiter"), TestContext.Current.CancellationToken);
        return result.Operation!.Id;
    }
}
