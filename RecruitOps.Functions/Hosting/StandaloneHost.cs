using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RecruitOps.Hardening;
using RecruitOps.Messaging;

namespace RecruitOps.Hosting;

/// <summary>
/// Runs the same function classes on Kestrel without the Functions host (no Core Tools needed): for local runs,
/// tests and the benchmark. Listens on 127.0.0.1:7071 unless told otherwise (<c>--urls</c> or <c>ASPNETCORE_URLS</c>).
/// </summary>
public static class StandaloneHost
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Defaults for local runs in Development: Azurite and local sign-in.</summary>
    private static readonly Dictionary<string, string?> DevelopmentDefaults = new()
    {
        [RecruitOpsServices.StorageConnectionName] = "UseDevelopmentStorage=true",
        ["Auth:LocalSignInEnabled"] = "true",
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(arg => arg != "--standalone").ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = DevelopmentDefaults });
        }

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddRecruitOps(builder.Configuration);
        builder.Services.AddHostedService<OutboxSweepService>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestGuard();
        app.UseRoutingProblems();
        app.MapHttpFunctions(typeof(StandaloneHost).Assembly, ReadRoutePrefix(Path.Combine(AppContext.BaseDirectory, "host.json")));
        return app;
    }

    /// <summary>The route prefix is declared once, in host.json, for both hosts.</summary>
    public static string ReadRoutePrefix(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            return "api";
        }

        var prefix = JsonNode.Parse(File.ReadAllText(hostJsonPath))?["extensions"]?["http"]?["routePrefix"];
        return prefix?.GetValue<string>().Trim('/') ?? "api";
    }
}
