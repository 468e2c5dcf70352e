using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using RecruitOps.Hardening;
using RecruitOps.Hosting;

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
