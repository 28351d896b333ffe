using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OrderActors.Tests;

/// <summary>The real ASP.NET host with its co-hosted silo (embedded mode), on free ports.</summary>
public class ApiFixture : WebApplicationFactory<Program>
{
    public static readonly TimeSpan AutoCompleteAfter = TimeSpan.FromSeconds(2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orders:AutoCompleteAfter", AutoCompleteAfter.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The access matrix sends hundreds of unauthenticated requests from one client on purpose.
        builder.UseSetting("Auth:FailuresPerMinute", "1000000");
        builder.ConfigureTestServices(services => services.AddSingleton<IIncomingGrainCallFilter, UnreachableAudit>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
