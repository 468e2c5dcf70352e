using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RecruitOps.Hosting;

namespace RecruitOps.Tests.Infrastructure;

/// <summary>
/// The real standalone host on a free loopback port, against Azurite, with its own table so tests never see each
/// other's operations. Tokens are signed with the test key the way the existing app signs them.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string SigningKey = "test-signing-key-of-at-least-thirty-two-bytes!";

    private bool _stopped;

    private TestApp(WebApplication app, string tableName, bool ownsTable)
    {
        App = app;
        TableName = tableName;
        OwnsTable = ownsTable;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public string TableName { get; }

    /// <summary>False when the table was passed in: whoever created it deletes it.</summary>
    public bool OwnsTable { get; }

    public Uri BaseAddress { get; }

    /// <summary>Unauthenticated; use <see cref="ClientFor"/> for a signed-in caller.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("RECRUITOPS_TEST_STORAGE") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";

    /// <param name="port">0 for a free port; a fixed one to restart an app where its clients expect it.</param>
    /// <param name="tableName">An existing app's table, to share or take over its operations.</param>
    public static async Task<TestApp> StartAsync(
        IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null,
        int port = 0, string? tableName = null)
    {
        var ownsTable = tableName is null;
        tableName ??= "t" + Guid.NewGuid().ToString("N")[..20];
        var values = new Dictionary<string, string?>
        {
            [RecruitOpsServices.StorageConnectionName] = StorageConnectionString,
            ["Operations:TableName"] = tableName,
            ["Auth:SigningKey"] = SigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // Local sign-in starts only in Development, as in a real local run; every other test runs as "Testing".
        var environment = values.TryGetValue("Auth:LocalSignInEnabled", out var localSignIn) && localSignIn == "true"
            ? "Development" : "Testing";
        var app = StandaloneHost.Build(["--urls", $"http://127.0.0.1:{port}", "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            configure?.Invoke(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApp(app, tableName, ownsTable);
    }

    public static string TokenFor(string role, string sub = "u-test", string name = "Test User", TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", sub), new Claim("name", name), new Claim("role", role), new Claim("csrf", "csrf-" + sub)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public HttpClient ClientFor(string role, string sub = "u-test", string name = "Test User")
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, sub, name));
        return client;
    }

    /// <summary>Stops serving (open streams end, the port is freed) but keeps the table, to simulate an outage.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        if (!OwnsTable)
        {
            return;
        }

        var service = new Azure.Data.Tables.TableServiceClient(StorageConnectionString);
        await service.DeleteTableAsync(TableName, CancellationToken.None);
    }
}
