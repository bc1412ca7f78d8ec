using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Participatie.Silo;

namespace Participatie.TestSupport;

/// <summary>
/// A real silo host (Orleans silo plus gRPC gateway on Kestrel) started in this process on free loopback ports,
/// reached through a real HTTP/2 gRPC channel.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiloHost(WebApplication app, int port, int webPort)
    {
        _app = app;
        Address = $"http://127.0.0.1:{port}";
        WebAddress = $"http://127.0.0.1:{webPort}";
        Channel = TestKeys.AdminChannel(Address);
    }

    /// <summary>The HTTP/2 (h2c) endpoint for gRPC.</summary>
    public string Address { get; }

    /// <summary>The HTTP/1.1 endpoint for gRPC-Web from browsers.</summary>
    public string WebAddress { get; }

    /// <summary>A channel of an admin (with purpose "testing"): what most tests use.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>A channel as someone else: a role's token (or none), and the purpose header (or none).</summary>
    public GrpcChannel ChannelAs(string? role, string subject = "tester", string? neighbourhood = null, string? purpose = "testing") =>
        TestKeys.Channel(Address, role is null ? null : TestKeys.Token(role, subject, neighbourhood), purpose);

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host with the given profile; extra settings are "Section:Key" → value.</summary>
    public static Task<SiloHost> StartAsync(
        string profile,
        string? dataDirectory = null,
        IDictionary<string, string>? settings = null,
        Action<IServiceCollection>? overrides = null) =>
        StartAsync(profile, dataDirectory, settings, overrides, attempt: 1);

    private static async Task<SiloHost> StartAsync(
        string profile,
        string? dataDirectory,
        IDictionary<string, string>? settings,
        Action<IServiceCollection>? overrides,
        int attempt)
    {
        var port = FreePort();
        var webPort = FreePort();
        var args = new Dictionary<string, string>
        {
            ["Storage:Profile"] = profile,
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{port}",
            ["Kestrel:Endpoints:Web:Url"] = $"http://127.0.0.1:{webPort}",
            ["Cluster:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Warning",
        };
        foreach (var (key, value) in TestKeys.Settings)
        {
            args[key] = value;
        }

        if (dataDirectory is not null)
        {
            args["Storage:DataDirectory"] = dataDirectory;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args[key] = value;
        }

        var app = SiloApp.Build([.. args.Select(a => $"--{a.Key}={a.Value}")], overrides);
        try
        {
            await app.StartAsync();
        }
        catch (Exception e) when (IsAddressInUse(e) && attempt < 3)
        {
            // A port found free was taken by another process before this host bound it: start again on new ports.
            await app.DisposeAsync();
            return await StartAsync(profile, dataDirectory, settings, overrides, attempt + 1);
        }

        return new SiloHost(app, port, webPort);
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// A loopback port nobody listens on right now, taken below Linux's ephemeral range (32768 and up): a port handed
    /// out by the kernel for "any free port" is also what outgoing connections use, so another process could take it
    /// between this check and the host's bind. Hosts that still lose the race start again (see StartAsync).
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, candidate);
                probe.Start();
                return candidate;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
