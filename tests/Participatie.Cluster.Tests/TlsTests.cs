using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Cluster.Tests;

/// <summary>
/// With <c>Cluster:Tls</c> on, silos talk to each other and gateways to silos over TLS with certificates of the
/// cluster's own CA: the cluster forms and serves as before, and the silo and gateway ports speak TLS only to someone
/// who shows a certificate of that CA. The certificates are made by <c>participatie certs</c>, as the compose example does.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("participatie-tls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgresFact]
    public async Task SilosAndAGatewayFormAClusterOverTlsAndRefuseWhoeverHasNoCertificateOfTheClustersCa()
    {
        var made = await CliProcess.RunAsync("certs", "--folder", _folder, "--node", "participatie-node", "--node", "participatie-probe");
        var again = await CliProcess.RunAsync("certs", "--folder", _folder, "--node", "participatie-node");
        Assert.True(made.ExitCode == 0, made.ToString());
        Assert.Equal(["created ca", "created participatie-node", "created participatie-probe"], made.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Change));
        Assert.Equal(["kept ca", "kept participatie-node"], again.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Change));
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_folder, "ca.crt")));
        using var probe = X509Certificate2.CreateFromPemFile(Path.Combine(_folder, "participatie-probe.crt"), Path.Combine(_folder, "participatie-probe.key"));
        var settings = new Dictionary<string, string>
        {
            ["Cluster:Tls:Enabled"] = "true",
            ["Cluster:Tls:CertificatePath"] = Path.Combine(_folder, "participatie-node.crt"),
            ["Cluster:Tls:KeyPath"] = Path.Combine(_folder, "participatie-node.key"),
            ["Cluster:Tls:CaPath"] = Path.Combine(_folder, "ca.crt"),
        };
        var server = await PostgresServer.Shared;
        await using var cluster = await ProcessCluster.StartAsync(await server.CreateDatabaseAsync("tls"), silos: 2, settings);
        var gatewaySettings = cluster.Settings("Gateway");
        foreach (var (key, value) in settings)
        {
            gatewaySettings[key] = value;
        }

        await using var gateway = await SiloProcess.StartAsync("gateway", gatewaySettings);

        // The cluster works: people registered through one silo are read through the other and through the gateway host.
        await new NeighbourhoodService.NeighbourhoodServiceClient(cluster.Silos[0].Channel).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-tls", Name = "Feijenoord", Municipality = "Rotterdam" });
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await new ClientService.ClientServiceClient(cluster.Silos[i % 2].Channel).RegisterClientAsync(SampleRequests.Intake("wk-tls"))).Client.ClientId);
        }

        foreach (var id in ids)
        {
            Assert.Equal(id, (await new ClientService.ClientServiceClient(cluster.Silos[1].Channel).GetClientAsync(new GetClientRequest { ClientId = id })).Client.ClientId);
            Assert.Equal(id, (await new ClientService.ClientServiceClient(gateway.Channel).GetClientAsync(new GetClientRequest { ClientId = id })).Client.ClientId);
        }

        Assert.Equal(2, (await new AdminService.AdminServiceClient(gateway.Channel).GetClusterStatusAsync(new GetClusterStatusRequest())).ActiveSilos);

        // The ports speak TLS, and only to a certificate of the cluster's CA.
        using var stranger = NewAuthority("Someone else's CA");
        foreach (var port in new[] { cluster.Silos[0].SiloPort, cluster.Silos[0].GatewayPort })
        {
            Assert.True(await HandshakeAsync(port, probe, ca), $"a certificate of the cluster's CA is accepted on {port}");
            Assert.False(await HandshakeAsync(port, Issue(stranger, "intruder"), ca), $"a certificate of another CA is refused on {port}");
            Assert.False(await HandshakeAsync(port, null, ca), $"no certificate is refused on {port}");
        }
    }

    /// <summary>Whether a TLS handshake with the port succeeds and the silo goes on with the connection after it.</summary>
    private static async Task<bool> HandshakeAsync(int port, X509Certificate2? certificate, X509Certificate2 ca)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, remote, _, _) => remote is not null && IssuedBy(remote as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(remote.GetRawCertData()), ca));
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "participatie-node",
                ClientCertificates = certificate is null ? [] : [certificate],
                EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13,
            });

            // TLS 1.3 lets the server refuse the client's certificate after the handshake: then the first read fails or
            // ends. A silo that accepted it sends its preamble, or waits for ours.
            var buffer = new byte[1];
            var read = tls.ReadAsync(buffer).AsTask();
            var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(3)));
            return finished != read || await read > 0;
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <summary>"created silo1   valid until …" → "created silo1".</summary>
    private static string Change(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));

    private static X509Certificate2 NewAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(365));
    }

    /// <summary>A certificate for both ends of a connection (server and client authentication), issued by the CA.</summary>
    private static X509Certificate2 Issue(X509Certificate2 ca, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }
}
