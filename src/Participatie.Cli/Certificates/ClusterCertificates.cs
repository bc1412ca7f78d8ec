using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Participatie.Cli.Certificates;

/// <summary>What <see cref="ClusterCertificates.Ensure"/> did with one file pair.</summary>
public enum CertificateChange
{
    Kept,
    Created,
    Renewed,
}

/// <summary>One certificate in the folder and what was done with it.</summary>
public sealed record CertificateFile(string Name, CertificateChange Change, DateTimeOffset NotAfter);

/// <summary>
/// The certificates of <c>Cluster:Tls</c> for a cluster without a certificate manager (the compose example, a few
/// machines): a private CA (<c>ca.crt</c>, <c>ca.key</c>) and, per node, a certificate for both ends of a connection
/// (<c>&lt;node&gt;.crt</c>, <c>&lt;node&gt;.key</c>) issued by it. Idempotent: what is valid is kept, a node certificate
/// that expires within the renewal window or was issued by another CA is issued again, so running it on every start
/// rotates node certificates before they lapse. ECDSA P-256 keys; private keys are written readable by the owner only.
/// </summary>
public static class ClusterCertificates
{
    public const string AuthorityName = "ca";

    /// <summary>Serves for ten years; rotating it is a planned step (deploy/README.md), not something a start does.</summary>
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);

    public static IReadOnlyList<CertificateFile> Ensure(string folder, IReadOnlyCollection<string> nodes, TimeSpan nodeLifetime, TimeSpan renewBefore, TimeProvider time)
    {
        Directory.CreateDirectory(folder);
        var now = time.GetUtcNow();
        var changes = new List<CertificateFile>();
        var (authority, authorityChange) = LoadOrCreateAuthority(folder, now);
        using (authority)
        {
            changes.Add(new CertificateFile(AuthorityName, authorityChange, authority.NotAfter.ToUniversalTime()));
            foreach (var node in nodes.Distinct(StringComparer.Ordinal))
            {
                changes.Add(EnsureNode(folder, node, authority, now, nodeLifetime, renewBefore));
            }
        }

        return changes;
    }

    /// <summary>A node name is a DNS label (it becomes the certificate's subject and alternative name, and a file name).</summary>
    public static bool IsNodeName(string name) =>
        name is { Length: > 0 and <= 63 }
        && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && name[0] != '-' && name[^1] != '-'
        && name != AuthorityName;

    private static (X509Certificate2 Authority, CertificateChange Change) LoadOrCreateAuthority(string folder, DateTimeOffset now)
    {
        var (certificate, key) = Paths(folder, AuthorityName);
        if (File.Exists(certificate) && File.Exists(key))
        {
            return (X509Certificate2.CreateFromPemFile(certificate, key), CertificateChange.Kept);
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Participatie cluster CA", ecdsa, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var authority = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(AuthorityLifetime));
        Write(certificate, key, authority, ecdsa);
        return (authority, CertificateChange.Created);
    }

    private static CertificateFile EnsureNode(string folder, string node, X509Certificate2 authority, DateTimeOffset now, TimeSpan lifetime, TimeSpan renewBefore)
    {
        var (certificate, key) = Paths(folder, node);
        var existed = File.Exists(certificate) && File.Exists(key);
        if (existed)
        {
            using var current = X509Certificate2.CreateFromPemFile(certificate, key);
            if (current.NotAfter.ToUniversalTime() - renewBefore > now.UtcDateTime && IssuedBy(current, authority))
            {
                return new CertificateFile(node, CertificateChange.Kept, current.NotAfter.ToUniversalTime());
            }
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={node}", ecdsa, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Server and client authentication: a silo accepts connections and opens them.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(node);
        request.CertificateExtensions.Add(names.Build());
        var notAfter = now.Add(lifetime) < authority.NotAfter ? now.Add(lifetime) : new DateTimeOffset(authority.NotAfter.ToUniversalTime());
        using var issued = request.Create(authority, now.AddMinutes(-5), notAfter, RandomNumberGenerator.GetBytes(16));
        Write(certificate, key, issued, ecdsa);
        return new CertificateFile(node, existed ? CertificateChange.Renewed : CertificateChange.Created, issued.NotAfter.ToUniversalTime());
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static (string Certificate, string Key) Paths(string folder, string name) =>
        (Path.Combine(folder, name + ".crt"), Path.Combine(folder, name + ".key"));

    /// <summary>The key first, readable by its owner only, then the certificate: a crash in between leaves no certificate without its key.</summary>
    private static void Write(string certificatePath, string keyPath, X509Certificate2 certificate, ECDsa key)
    {
        WriteNew(keyPath, key.ExportPkcs8PrivateKeyPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        WriteNew(certificatePath, certificate.ExportCertificatePem(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private static void WriteNew(string path, string pem, UnixFileMode mode)
    {
        var temporary = path + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(pem);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
