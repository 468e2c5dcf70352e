namespace RecruitOps.Hosting;

/// <summary>Which host runs the functions: the Azure Functions host (func start, Azure) or Kestrel on its own.</summary>
public enum HostMode
{
    FunctionsHost,
    Standalone,
}

public static class HostModeDetector
{
    /// <summary>
    /// The Functions host starts the worker with <c>FUNCTIONS_WORKER_RUNTIME</c> set and passes its gRPC endpoint as
    /// <c>--functions-uri</c>/<c>--host</c> or as <c>Functions__Worker__*</c> settings. Anything else — <c>dotnet run</c>,
    /// tests, the benchmark — is standalone. <c>--standalone</c> forces standalone.
    /// </summary>
    public static HostMode Detect(string[] args, Func<string, string?> environment)
    {
        if (args.Contains("--standalone", StringComparer.Ordinal))
        {
            return HostMode.Standalone;
        }

        var underHost = !string.IsNullOrEmpty(environment("FUNCTIONS_WORKER_RUNTIME"))
            || !string.IsNullOrEmpty(environment("Functions__Worker__HostEndpoint"))
            || args.Any(arg => arg is "--functions-uri" or "--host" or "--workerId" or "--functions-worker-id");
        return underHost ? HostMode.FunctionsHost : HostMode.Standalone;
    }
}
