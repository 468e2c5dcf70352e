using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecruitOps.Operations;

namespace RecruitOps.Tests.Operations;

/// <summary>The issue's "done means" for paging, over real HTTP against 2,500 operations in Azurite.</summary>
public sealed class PagingTests(PagingFixture fixture) : IClassFixture<PagingFixture>
{
    /// <summary>Limits whose every page is read over HTTP: the extremes, exact divisors of 2,500 and their neighbours.</summary>
    private static readonly HashSet<int> HttpLimits = [1, 2, 3, 4, 5, 7, 10, 13, 20, 25, 49, 50, 51, 99, 100, 101, 125, 128, 199, 200];

    [Fact]
    public async Task Every_limit_from_1_to_200_returns_all_2500_operations_once_each_newest_first()
    {
        var expected = fixture.NewestFirst.Select(operation => operation.Id).ToList();
        var clock = Stopwatch.StartNew();
        var requests = 0;

        // Measured on the shared 2-core box (load ~25): all 200 limits over HTTP took 164 s for 14,795 requests, and
        // the store alone was only ~15% faster: the time is Azurite reading 500,000 entities, whatever calls it. So
        // every limit is paged, the 20 limits in HttpLimits over HTTP (cursor in the query string, JSON answers) and
        // the other 180 through IOperationStore.ListAsync, the exact method the endpoint calls: 46 s at load ~17,
        // 124 s at load ~25.
        await Parallel.ForAsync(1, PageRequest.MaxLimit + 1, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (limit, _) =>
        {
            var pages = HttpLimits.Contains(limit)
                ? await ReadAllPagesAsync(limit, recruitId: null)
                : await ReadAllPagesFromStoreAsync(limit);

            Assert.Equal(expected, pages.SelectMany(page => page).ToList());
            Assert.Equal((expected.Count + limit - 1) / limit, pages.Count);
            Assert.All(pages[..^1], page => Assert.Equal(limit, page.Count));
            Interlocked.Add(ref requests, pages.Count);
        });

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Recorded {PagingFixture.Count} in {fixture.RecordingTime.TotalSeconds:F1} s; paged with every limit: {requests} pages in {clock.Elapsed.TotalSeconds:F1} s.");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(200)]
    public async Task Listing_one_recruit_returns_exactly_that_recruits_operations_newest_first(int limit)
    {
        foreach (var recruitId in PagingFixture.Recruits)
        {
            var expected = fixture.NewestFirst.Where(o => o.RecruitId == recruitId).Select(o => o.Id).ToList();

            var pages = await ReadAllPagesAsync(limit, recruitId);

            Assert.Equal(expected, pages.SelectMany(page => page).ToList());
        }
    }

    [Fact]
    public async Task Listed_operations_equal_what_was_recorded_with_times_in_utc_to_the_millisecond()
    {
        var page = await GetPageAsync("/api/recruits/operations?limit=200");

        var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(200, items.Count);
        foreach (var (item, recorded) in items.Zip(fixture.NewestFirst))
        {
            Assert.Equal(OperationJson.Serialize(recorded), item.GetRawText());
            var recordedAt = item.GetProperty("recordedAt").GetString()!;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", recordedAt);
            Assert.True(OperationId.TryGetTime(recorded.Id, out var idTime));
            Assert.Equal(idTime, DateTimeOffset.Parse(recordedAt, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_cursor_after_the_last_row_gives_an_empty_page_with_no_next_cursor()
    {
        var oldest = fixture.NewestFirst[^1];
        var scopes = new (string? RecruitId, string Scope, string RowKey)[]
        {
            (null, OperationRowKeys.TimelinePrefix, OperationRowKeys.Timeline(oldest.Id)),
            (oldest.RecruitId, OperationRowKeys.RecruitPrefix(oldest.RecruitId), OperationRowKeys.Recruit(oldest.RecruitId, oldest.Id)),
        };

        foreach (var (recruitId, scope, rowKey) in scopes)
        {
            var cursor = PageCursor.Encode(scope, rowKey);
            var filter = recruitId is null ? "" : $"&recruitId={recruitId}";

            using var page = await GetPageAsync($"/api/recruits/operations?limit=5&cursor={cursor}{filter}");

            Assert.Empty(page.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, page.RootElement.GetProperty("nextCursor").ValueKind);
        }
    }

    private async Task<List<List<string>>> ReadAllPagesAsync(int limit, string? recruitId)
    {
        var pages = new List<List<string>>();
        string? cursor = null;
        do
        {
            var query = $"/api/recruits/operations?limit={limit}"
                + (recruitId is null ? "" : $"&recruitId={recruitId}")
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var page = await GetPageAsync(query);
            var ids = page.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToList();
            Assert.NotEmpty(ids);
            pages.Add(ids);
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return pages;
    }

    private async Task<List<List<string>>> ReadAllPagesFromStoreAsync(int limit)
    {
        var store = fixture.App.Services.GetRequiredService<IOperationStore>();
        var pages = new List<List<string>>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(new PageRequest(null, limit, cursor), TestContext.Current.CancellationToken);
            Assert.NotEmpty(page.Items);
            pages.Add(page.Items.Select(item => item.Id).ToList());
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return pages;
    }

    private async Task<JsonDocument> GetPageAsync(string path) =>
        JsonDocument.Parse(await fixture.Reader.GetStringAsync(path, TestContext.Current.CancellationToken));
}
