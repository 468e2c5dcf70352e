using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace RecruitOps.Hosting;

/// <summary>One HTTP function as its attributes declare it: the single source of its route, methods and auth level.</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, HttpTriggerAttribute Trigger)
{
    public IReadOnlyList<string> Methods => (Trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToList();
}

/// <summary>Finds the functions the Functions host would index, by the same attributes, for the standalone host.</summary>
public static class HttpFunctionCatalog
{
    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly) =>
        FunctionMethods(assembly)
            .Select(method => (method, trigger: TriggerOf(method)))
            .Where(pair => pair.trigger is not null)
            .Select(pair => new HttpFunction(pair.method.GetCustomAttribute<FunctionAttribute>()!.Name, pair.method, pair.trigger!))
            .OrderBy(function => function.Name, StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<MethodInfo> FunctionMethods(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null);

    private static HttpTriggerAttribute? TriggerOf(MethodInfo method) =>
        method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
}
