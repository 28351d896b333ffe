using Microsoft.Extensions.Hosting;
using OrderActors.Silo;

// A stand-alone silo. Until the durable mode lands it runs the embedded configuration (memory storage,
// localhost clustering); the API host co-hosts its own silo and does not need this process.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseEmbeddedMode(builder.Configuration));
await builder.Build().RunAsync();
