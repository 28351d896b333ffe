using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrderActors.ApiHost.Operations;

public static class StartupBanner
{
    public static void Print(WebApplication app, bool embedded, bool seeded)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://localhost:5080";
        Console.WriteLine();
        Console.WriteLine($"OrderActors is listening on {address}");
        Console.WriteLine($"  API reference: {address}/scalar/v1    OpenAPI: {address}/openapi/v1.json");
        Console.WriteLine($"  Health:        {address}/health/ready");
        if (seeded)
        {
            Console.WriteLine("  Demo data:     SKUs TEA-1, CUP-9, POT-3, BOOK-7 in warehouses SH and BJ; customers c1, c2, c3");
        }

        if (embedded)
        {
            Console.WriteLine("  WARNING: embedded mode. All data lives in memory and is lost when this process exits.");
        }

        Console.WriteLine("  Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
