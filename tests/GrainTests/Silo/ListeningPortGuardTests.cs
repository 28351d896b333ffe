using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OrderActors.Silo;

namespace OrderActors.Tests.Silo;

public sealed class ListeningPortGuardTests
{
    [Fact]
    public async Task A_silo_does_not_start_on_a_port_another_process_listens_on_and_starts_once_it_is_free()
    {
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        // Bound as Orleans binds its own listeners (address reuse): the kernel would let the silo bind it too.
        var other = new TcpListener(IPAddress.Loopback, siloPort);
        other.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        other.Start();

        using (var refused = Silo(siloPort, gatewayPort))
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => refused.StartAsync());
            Assert.Contains($"127.0.0.1:{siloPort}", Messages(error), StringComparison.Ordinal);
        }

        other.Stop();
        using var started = Silo(siloPort, gatewayPort);
        await started.StartAsync();
        await started.StopAsync();
    }

    private static IHost Silo(int siloPort, int gatewayPort)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        return Host.CreateDefaultBuilder().UseOrleans(silo => silo.UseEmbeddedMode(configuration)).Build();
    }

    private static string Messages(Exception error) =>
        string.Join(" | ", new[] { error }.Concat(error is AggregateException all ? all.Flatten().InnerExceptions : [])
            .SelectMany(e => Chain(e)).Select(e => e.Message));

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
