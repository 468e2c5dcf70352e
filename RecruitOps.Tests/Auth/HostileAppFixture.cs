using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using RecruitOps.Operations;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Auth;

/// <summary>
/// One app for the whole hostile suite, trusting both token sources (the shared key with issuer and audience, and
/// the loopback OpenID Connect authority), with one allowed CORS origin and a few operations already recorded.
/// Rate limiting is off here so that it cannot be what refuses a request; it has its own tests.
/// </summary>
public sealed class HostileAppFixture : IAsyncLifetime
{
    public const string TrustedOrigin = "https://trusted.example";

    private FakeOidcAuthority? _authority;

    public TestApp App { get; private set; } = null!;

    /// <summary>The id of an operation that exists, for reads that would succeed but for the attack.</summary>
    public string ExistingId { get; private set; } = "";

    public HttpClient Client { get; } = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

    public async ValueTask InitializeAsync()
    {
        _authority = await FakeOidcAuthority.StartAsync();
        App = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = TestTokens.Issuer,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Auth:Authority"] = _authority.Authority,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:AllowedOrigins:0"] = TrustedOrigin,
            ["RateLimit:Enabled"] = "false",
        });
        Client.BaseAddress = App.BaseAddress;
        foreach (var recruitId in new[] { "R10001", "R10002", "R10003" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/recruits/operations")
            {
                Content = JsonContent.Create(new { recruitId, recruitName = "Seed", action = "created", operationId = "seed-" + recruitId }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Shared(role: "recruiter"));
            using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            ExistingId = created.RootElement.GetProperty("id").GetString()!;
        }
    }

    /// <summary>
    /// Every stored row with its ETag, so an added, changed or removed row shows. Outbox marks are left out: the
    /// background sweep removes them on its own schedule.
    /// </summary>
    public async Task<IReadOnlyList<string>> SnapshotTableAsync()
    {
        var table = new TableClient(TestApp.StorageConnectionString, App.TableName);
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            if (!entity.RowKey.StartsWith(OperationRowKeys.OutboxPrefix, StringComparison.Ordinal))
            {
                rows.Add($"{entity.PartitionKey}/{entity.RowKey}/{entity.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        if (_authority is not null)
        {
            await _authority.DisposeAsync();
        }
    }
}
