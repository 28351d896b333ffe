using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OrderActors.Silo;

/// <summary>
/// Refuses to start a silo when another process already listens on its silo or gateway port. Orleans binds
/// its listeners with address reuse, which on Linux lets a second process bind the same port: the kernel then
/// splits incoming connections between the two, and messages meant for one silo reach another. (Seen when an
/// embedded host left running held the silo port of a durable silo: grain directory registrations failed and
/// requests were answered 503; nothing said why.) A connection attempt before the silo's own listeners start
/// tells whether anyone answers there.
/// </summary>
public sealed class ListeningPortGuard(IOptions<EndpointOptions> endpoints) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ListeningPortGuard), ServiceLifecycleStage.First, Check);

    private async Task Check(CancellationToken cancellationToken)
    {
        var options = endpoints.Value;
        var address = options.AdvertisedIPAddress ?? IPAddress.Loopback;
        var listening = new List<(string Name, string Setting, IPEndPoint Endpoint)>
        {
            ("silo", "Orleans:SiloPort", options.SiloListeningEndpoint ?? new IPEndPoint(address, options.SiloPort)),
        };
        if (options.GatewayPort > 0)
        {
            listening.Add(("gateway", "Orleans:GatewayPort", options.GatewayListeningEndpoint ?? new IPEndPoint(address, options.GatewayPort)));
        }

        foreach (var (name, setting, endpoint) in listening)
        {
            var target = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any)
                ? new IPEndPoint(endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, endpoint.Port)
                : endpoint;
            if (await Answers(target, cancellationToken))
            {
                throw new InvalidOperationException(
                    $"Another process already listens on {target}, this silo's {name} port ({setting}). " +
                    "Stop it or give this silo other ports: two silos on one port would each receive the other's connections.");
            }
        }
    }

    private static async Task<bool> Answers(IPEndPoint target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        using var probe = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await probe.ConnectAsync(target, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
