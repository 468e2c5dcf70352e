using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RecruitOps.Hosting;
using RecruitOps.Tests.Infrastructure;

namespace RecruitOps.Tests.Hosting;

/// <summary>
/// The Functions host indexes functions from the functions.metadata file the worker SDK generates at build; the
/// standalone host maps them from the same attributes. Both must expose exactly the same routes.
/// </summary>
public sealed class HostParityTests
{
    [Fact]
    public async Task Every_http_function_in_functions_metadata_is_served_standalone_with_the_same_route_and_methods()
    {
        var metadata = ReadFunctionsMetadata();
        await using var app = await TestApp.StartAsync();
        var prefix = StandaloneHost.ReadRoutePrefix(Path.Combine(AppContext.BaseDirectory, "host.json"));

        var standalone = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .Select(endpoint => (
                Name: endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
                Route: endpoint.RoutePattern.RawText!,
                Methods: string.Join(",", endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Order())))
            .OrderBy(entry => entry.Name)
            .ToList();
        var expected = metadata
            .Where(entry => entry.Type == "httpTrigger")
            .Select(entry => (entry.Name, Route: $"{prefix}/{entry.Route}", Methods: string.Join(",", entry.Methods.Select(m => m.ToUpperInvariant()).Order())))
            .OrderBy(entry => entry.Name)
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, standalone);
    }

    [Fact]
    public void Every_non_http_function_has_a_standalone_counterpart()
    {
        var nonHttp = ReadFunctionsMetadata().Where(entry => entry.Type != "httpTrigger").Select(entry => entry.Name).ToList();

        Assert.Equal(["SweepOutbox"], nonHttp);
    }

    [Fact]
    public void Host_mode_is_standalone_unless_the_functions_host_started_the_worker()
    {
        Assert.Equal(HostMode.Standalone, HostModeDetector.Detect([], _ => null));
        Assert.Equal(HostMode.FunctionsHost, HostModeDetector.Detect([], name => name == "FUNCTIONS_WORKER_RUNTIME" ? "dotnet-isolated" : null));
        Assert.Equal(HostMode.FunctionsHost, HostModeDetector.Detect(["--host", "127.0.0.1", "--port", "5000", "--workerId", "x"], _ => null));
        Assert.Equal(HostMode.Standalone, HostModeDetector.Detect(["--standalone"], _ => "dotnet-isolated"));
    }

    private static List<(string Name, string Type, string? Route, string[] Methods)> ReadFunctionsMetadata()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"The worker SDK did not generate {path}.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(function =>
            {
                var trigger = function.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
                var methods = trigger.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
                var route = trigger.TryGetProperty("route", out var r) ? r.GetString() : null;
                return (function.GetProperty("name").GetString()!, trigger.GetProperty("type").GetString()!, route, methods);
            })
            .ToList();
    }
}
