using System.Net;
using System.Text.Json;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Operations;

/// <summary>
/// <c>operationId</c> under real concurrency: racing requests over HTTP, one entity-group transaction each, and the
/// idempotency row deciding which one wins.
/// </summary>
public sealed class IdempotencyTests
{
    private const int Racers = 20;

    [Fact]
    public async Task Twenty_identical_requests_racing_record_once_and_all_get_the_same_operation()
    {
        await using var app = await TestApp.StartAsync();
        var clients = Enumerable.Range(0, Racers).Select(_ => app.ClientFor("recruiter", sub: "u-1004")).ToList();
        const string body = """{"recruitId":"R10001","action":"interview_decision","decision":"pass","note":"同じ","operationId":"retry-1"}""";

        var responses = await Task.WhenAll(clients.Select(client => OperationsAppFixture.PostAsync(client, body)));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(Racers - 1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        Assert.Equal(1, await OperationsAppFixture.CountRowsAsync(app, OperationRowKeys.TimelinePrefix));
        Assert.Equal(1, await OperationsAppFixture.CountRowsAsync(app, OperationRowKeys.RecruitPrefix("R10001")));
        Assert.Equal(1, await OperationsAppFixture.CountRowsAsync(app, OperationRowKeys.KeyPrefix));
        Dispose(responses, clients);
    }

    [Fact]
    public async Task Racing_requests_with_one_key_and_two_contents_record_one_and_refuse_the_other_content()
    {
        await using var app = await TestApp.StartAsync();
        var clients = Enumerable.Range(0, Racers).Select(_ => app.ClientFor("recruiter", sub: "u-1004")).ToList();
        string[] bodies =
        [
            """{"recruitId":"R10001","action":"archived","operationId":"k-2"}""",
            """{"recruitId":"R10002","action":"archived","operationId":"k-2"}""",
        ];

        var responses = await Task.WhenAll(clients.Select((client, i) => OperationsAppFixture.PostAsync(client, bodies[i % 2])));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var winner = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .RootElement.GetProperty("recruitId").GetString();
        var sameContent = Enumerable.Range(0, Racers).Where(i => responses[i] != created && bodies[i % 2].Contains(winner!, StringComparison.Ordinal));
        var otherContent = Enumerable.Range(0, Racers).Where(i => !bodies[i % 2].Contains(winner!, StringComparison.Ordinal));
        Assert.All(sameContent, i => Assert.Equal(HttpStatusCode.OK, responses[i].StatusCode));
        Assert.All(otherContent, i => Assert.Equal(HttpStatusCode.Conflict, responses[i].StatusCode));
        Assert.Equal(1, await OperationsAppFixture.CountRowsAsync(app, OperationRowKeys.TimelinePrefix));
        Dispose(responses, clients);
    }

    [Fact]
    public async Task The_same_key_with_different_content_gets_409_problem_json_and_records_nothing()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.ClientFor("recruiter", sub: "u-1004");
        using var first = await OperationsAppFixture.PostAsync(client, """{"recruitId":"R1","action":"created","operationId":"k-3"}""");
        var before = await OperationsAppFixture.CountRowsAsync(app);

        using var second = await OperationsAppFixture.PostAsync(client, """{"recruitId":"R1","action":"created","note":"changed","operationId":"k-3"}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await OperationsAppFixture.CountRowsAsync(app));
    }

    [Fact]
    public async Task The_same_key_and_content_from_another_actor_gets_409()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = app.ClientFor("recruiter", sub: "u-1004");
        using var other = app.ClientFor("recruiter", sub: "u-2002");
        const string body = """{"recruitId":"R1","action":"created","operationId":"k-4"}""";
        using var first = await OperationsAppFixture.PostAsync(owner, body);
        var before = await OperationsAppFixture.CountRowsAsync(app);

        using var second = await OperationsAppFixture.PostAsync(other, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(before, await OperationsAppFixture.CountRowsAsync(app));
    }

    [Fact]
    public async Task A_retry_with_members_in_another_order_and_escaped_text_is_the_same_content()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.ClientFor("recruiter", sub: "u-1004");
        using var first = await OperationsAppFixture.PostAsync(client, """{"recruitId":"R1","action":"created","note":"é","operationId":"k-5"}""");

        using var retry = await OperationsAppFixture.PostAsync(client, """{"operationId":"k-5","note":"\u00e9","action":"created","recruitId":"R1"}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(
            await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await OperationsAppFixture.CountRowsAsync(app, OperationRowKeys.TimelinePrefix));
    }

    private static void Dispose(IEnumerable<HttpResponseMessage> responses, IEnumerable<HttpClient> clients)
    {
        foreach (var disposable in responses.Cast<IDisposable>().Concat(clients))
        {
            disposable.Dispose();
        }
    }
}
