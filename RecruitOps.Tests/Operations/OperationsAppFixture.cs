using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Operations;

/// <summary>
/// One app and table shared by the tests of a class (xunit runs them one at a time), with what those tests need to
/// prove what the table holds: every rejection must leave it exactly as it was.
/// </summary>
public sealed class OperationsAppFixture : IAsyncLifetime
{
    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Recruiter { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Recruiter = _app.ClientFor("recruiter", sub: "u-1004", name: "李 明");
        Reader = _app.ClientFor("kancho", sub: "u-1001");

        // A stored operation first, so "unchanged" is measured against a table that exists and holds rows.
        using var seeded = await PostAsync(Recruiter, """{"recruitId":"R00001","action":"created"}""");
        seeded.EnsureSuccessStatusCode();
    }

    /// <summary>Posts <paramref name="body"/> exactly as given, as UTF-8 with the given media type.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? contentType = "application/json") =>
        PostAsync(client, Encoding.UTF8.GetBytes(body), contentType);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return client.PostAsync("/api/recruits/operations", content, TestContext.Current.CancellationToken);
    }

    /// <summary>Counts the rows of the app's table, or only those whose row key starts with <paramref name="prefix"/>.</summary>
    public Task<int> CountRowsAsync(string? prefix = null) => CountRowsAsync(App, prefix);

    public static async Task<int> CountRowsAsync(TestApp app, string? prefix = null)
    {
        var table = new TableClient(TestApp.StorageConnectionString, app.TableName);
        var filter = prefix is null
            ? null
            : TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {OperationRowKeys.PrefixEnd(prefix)}");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: TestContext.Current.CancellationToken))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        Recruiter?.Dispose();
        Reader?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
