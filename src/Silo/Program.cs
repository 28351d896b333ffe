using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderActors.Silo;
using OrderActors.Silo.Database;

// A silo process. With a PostgreSQL connection string (ConnectionStrings__OrderActors) it joins the durable
// cluster, applying the schema first; `migrate` applies the schema and exits. Without one it runs a
// stand-alone silo in the embedded configuration (memory storage, localhost clustering).
var builder = Host.CreateApplicationBuilder(args.Where(a => a != "migrate").ToArray());
builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).AddFilter("Microsoft", LogLevel.Warning);
var connectionString = DurableSetup.ConnectionString(builder.Configuration);
using var loggers = LoggerFactory.Create(l => l.AddConsole());
var log = loggers.CreateLogger("OrderActors.Silo");

if (connectionString is not null)
{
    await SchemaMigrator.ApplyWhenReachableAsync(connectionString, TimeSpan.FromSeconds(60), log);
    if (args.Contains("migrate"))
    {
        return;
    }

    builder.UseOrleans(silo => silo.UseDurableMode(builder.Configuration, connectionString));
}
else
{
    if (args.Contains("migrate"))
    {
        Console.Error.WriteLine("migrate needs ConnectionStrings__OrderActors.");
        Environment.ExitCode = 2;
        return;
    }

    builder.UseOrleans(silo => silo.UseEmbeddedMode(builder.Configuration));
}

await builder.Build().RunAsync();
