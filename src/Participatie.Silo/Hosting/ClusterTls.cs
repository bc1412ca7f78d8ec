using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Participatie.Silo.Hosting;

/// <summary>
/// TLS between silos and from gateways to silos (configuration section <c>Cluster:Tls</c>), with
/// <c>Microsoft.Orleans.Connections.Security</c>. Both ends show a certificate issued by the cluster's own CA and accept
/// only certificates that chain to it: whoever reaches ports 11111 or 30000 without one cannot call a grain. Host
/// names are not checked (pods come and go); the private CA is the trust.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string Section = "Cluster:Tls";

    public bool Enabled { get; set; }

    /// <summary>This process's certificate: a PEM file (with <see cref="KeyPath"/>) or a PKCS#12 file (with <see cref="Password"/>).</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PEM private key of a PEM certificate.</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>The password of a PKCS#12 file.</summary>
    public string Password { get; set; } = "";

    /// <summary>PEM file of the CA certificate(s) that issue the cluster's certificates; several during a CA rotation.</summary>
    public string CaPath { get; set; } = "";

    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!File.Exists(CertificatePath))
        {
            yield return $"{Section}:CertificatePath must name this process's certificate file";
        }

        if (KeyPath.Length > 0 && !File.Exists(KeyPath))
        {
            yield return $"{Section}:KeyPath names no file";
        }

        if (!File.Exists(CaPath))
        {
            yield return $"{Section}:CaPath must name the PEM file of the cluster's CA";
        }
    }

    public X509Certificate2 LoadCertificate() =>
        KeyPath.Length > 0
            ? X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath)
            : CertificatePath.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || CertificatePath.EndsWith(".crt", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(CertificatePath)
                : X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, Password);

    public X509Certificate2Collection LoadAuthorities()
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(CaPath);
        return authorities;
    }

    /// <summary>Both ends: show this certificate, require the other's, accept it only when it chains to the cluster's CA.</summary>
    public void Apply(TlsOptions tls, X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        tls.LocalCertificate = certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (remote, _, _) => IssuedBy(remote, authorities);
    }

    private static bool IssuedBy(X509Certificate2 remote, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote);
    }
}
