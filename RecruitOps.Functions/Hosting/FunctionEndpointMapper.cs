using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace RecruitOps.Hosting;

/// <summary>
/// Serves the HTTP functions on Kestrel without the Functions host: each function's route, methods and auth level
/// come from its <see cref="HttpTriggerAttribute"/>, and the class is created per request from DI as the worker does.
/// </summary>
public static class FunctionEndpointMapper
{
    public static IReadOnlyList<HttpFunction> MapHttpFunctions(this IEndpointRouteBuilder endpoints, Assembly assembly, string routePrefix)
    {
        var functions = HttpFunctionCatalog.Discover(assembly);
        foreach (var function in functions)
        {
            if (function.Trigger.AuthLevel != AuthorizationLevel.Anonymous)
            {
                // Function keys exist only under the Functions host; this app authenticates with tokens instead.
                throw new InvalidOperationException($"Function {function.Name} must use AuthorizationLevel.Anonymous.");
            }

            var binders = function.Method.GetParameters().Select(p => Binder(function, p)).ToArray();
            var pattern = string.IsNullOrEmpty(routePrefix) ? function.Trigger.Route! : $"{routePrefix}/{function.Trigger.Route}";
            endpoints.MapMethods(pattern, function.Methods, context => InvokeAsync(context, function.Method, binders))
                .WithName(function.Name);
        }

        return functions;
    }

    private static async Task InvokeAsync(HttpContext context, MethodInfo method, Func<HttpContext, object?>[] binders)
    {
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.RequestServices, method.DeclaringType!);
        var arguments = binders.Select(bind => bind(context)).ToArray();
        var returned = method.Invoke(target, arguments);
        var result = returned switch
        {
            Task<IResult> task => await task,
            IResult value => value,
            _ => throw new InvalidOperationException($"{method.Name} must return IResult or Task<IResult>."),
        };
        await result.ExecuteAsync(context);
    }

    private static Func<HttpContext, object?> Binder(HttpFunction function, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(string) && function.Trigger.Route!.Contains($"{{{parameter.Name}", StringComparison.Ordinal))
        {
            return context => context.GetRouteValue(parameter.Name!)?.ToString();
        }

        throw new InvalidOperationException(
            $"Function {function.Name}: parameter '{parameter.Name}' ({parameter.ParameterType.Name}) cannot be bound in the standalone host.");
    }
}
