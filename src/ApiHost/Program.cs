using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Complaints;
using OrderActors.ApiHost.Customers;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.ApiHost.Inventory;
using OrderActors.ApiHost.Notifications;
using OrderActors.ApiHost.Operations;
using OrderActors.ApiHost.Orders;
using OrderActors.ApiHost.Reports;
using OrderActors.ApiHost.Security;
using OrderActors.ApiHost.Settlement;
using OrderActors.ApiHost.Skus;
using OrderActors.Silo;
using OrderActors.Silo.Database;
using Prometheus;
using Scalar.AspNetCore;

if (args.Contains("--health-probe"))
{
    Environment.ExitCode = await HealthProbe.Run();
    return;
}

if (args is ["--hash-key", var apiKey])
{
    Console.WriteLine(ApiKeyStore.Hash(apiKey));
    return;
}

// Our own flags take no value; the configuration command line would read the next argument as one.
string[] flags = ["--seed-demo", "--embedded", "--silo"];
var builder = WebApplication.CreateBuilder(args.Where(a => !flags.Contains(a)).ToArray());
var seedDemo = args.Contains("--seed-demo");

builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// Before AddProblemDetails: the problem details service asks its writers in the order they were added.
builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusProblems.AddCode);
builder.Services.AddExceptionHandler<FaultHandler>();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer(OpenApiDocumentInfo.Apply));
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<HeldRefusals>();
builder.AddApiSecurity();
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestBody.Limit);

// Embedded mode (the default): the silo runs inside this process, with everything in memory. With a
// PostgreSQL connection string and no --embedded flag, this host joins the durable cluster: as a client of
// its gateways, or with --silo as one of its silos (co-hosted: requests reach grains without the extra hop
// through a gateway, and the host counts as a silo: grains are placed on it too).
var connectionString = DurableSetup.ConnectionString(builder.Configuration);
var embedded = connectionString is null || args.Contains("--embedded");
if (embedded)
{
    builder.UseOrleans(silo => silo.UseEmbeddedMode(builder.Configuration));
}
else if (args.Contains("--silo"))
{
    await SchemaMigrator.ApplyWhenReachableAsync(connectionString!, TimeSpan.FromSeconds(60));
    builder.UseOrleans(silo => silo.UseDurableMode(builder.Configuration, connectionString!));
}
else
{
    builder.UseOrleansClient(client => client.UseDurableCluster(builder.Configuration, connectionString!));
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
// Without exemplars: recording one reads the clock and the trace context, on every request (in a flash sale's
// profile, about 1% of the API host's CPU).
app.UseHttpMetrics(o => o.ConfigureMeasurements(m => m.ExemplarPredicate = _ => false));
app.UseApiSecurity();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapOpenApi();
app.MapMetrics();
app.MapScalarApiReference(o => o.WithTitle("OrderActors API"));
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapSkusApi();
app.MapCustomersApi();
app.MapOrdersApi();
app.MapNotificationsApi();
app.MapCustomerServiceApi();
app.MapComplaintsApi();
app.MapInventoryApi();
app.MapInvoicesApi();
app.MapLedgerApi();
app.MapReconciliationApi();
app.MapReportsApi();
app.MapInventoryReportsApi();
app.MapCustomerReportsApi();
app.MapAuditApi();

await app.StartAsync();
if (seedDemo)
{
    await DemoSeed.Run(app.Services.GetRequiredService<IGrainFactory>());
}

StartupBanner.Print(app, embedded, seedDemo);
await app.WaitForShutdownAsync();

public partial class Program;
