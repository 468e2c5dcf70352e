using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RecruitOps.Hardening;
using RecruitOps.Hosting;

try
{
    // One set of functions, two hosts: the Azure Functions host (func start, Azure) or Kestrel alone.
    if (HostModeDetector.Detect(args, Environment.GetEnvironmentVariable) == HostMode.FunctionsHost)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<RequestGuardWorkerMiddleware>();
        builder.Services.AddRecruitOps(builder.Configuration);
        await builder.Build().RunAsync();
    }
    else
    {
        await StandaloneHost.Build(args).RunAsync();
    }

    return 0;
}
catch (OptionsValidationException ex)
{
    // A setting was refused at start: say which, plainly, instead of a crash dump (the host logs stderr too).
    await Console.Error.WriteLineAsync($"RecruitOps did not start: {string.Join(" ", ex.Failures)}");
    return 1;
}
