using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Participatie.Domain;

namespace Participatie.Gateway.Security;

/// <summary>Keys for the BSN (configuration section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// AES-256 keys (base64 of 32 bytes) with ids. The first encrypts; all decrypt, so a key can be rotated by putting
    /// a new one first. Secrets: keep them out of source control.
    /// </summary>
    public List<SigningKey> BsnKeys { get; set; } = [];

    /// <summary>Use the public development key when no key is configured. Only the Local profile may.</summary>
    public bool AllowDevelopmentKey { get; set; }

    internal const string DevelopmentKeyId = "bsn-development";

    // A public, fixed key: development only (the Local profile refuses nothing, any other profile refuses this).
    internal static readonly string DevelopmentKey = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("participatie development bsn key")));

    public IReadOnlyList<SigningKey> Effective() =>
        AllowDevelopmentKey ? [.. BsnKeys, new SigningKey { KeyId = DevelopmentKeyId, Key = DevelopmentKey }] : BsnKeys;

    public IEnumerable<string> Problems(string storageProfile)
    {
        if (AllowDevelopmentKey && storageProfile is not ("Local" or "Memory"))
        {
            yield return $"{Section}:AllowDevelopmentKey is only for the Local profile: its key is public";
        }

        if (Effective().Count == 0)
        {
            yield return $"{Section}:BsnKeys needs at least one key (base64 of 32 bytes) to store BSNs encrypted";
        }

        for (var i = 0; i < BsnKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(BsnKeys[i].KeyId) || BsnKeys[i].KeyId.Contains(':', StringComparison.Ordinal))
            {
                yield return $"{Section}:BsnKeys:{i}:KeyId is required and may not contain ':'";
            }

            if (BsnKeys[i].Bytes() is not { Length: 32 })
            {
                yield return $"{Section}:BsnKeys:{i}:Key must be base64 of exactly 32 bytes";
            }
        }
    }
}

/// <summary>
/// Encrypts the BSN before it leaves the gateway (AES-256-GCM, a random nonce per value, the key id in the text) and
/// decrypts it for the payment export only. Grains and storage hold only the encrypted text.
/// </summary>
public sealed class BsnProtector(IOptions<PrivacyOptions> options)
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Protect(Bsn bsn)
    {
        var key = options.Value.Effective()[0];
        var plain = Encoding.ASCII.GetBytes(bsn.Digits);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(key.Bytes()!, TagSize))
        {
            aes.Encrypt(nonce, plain, cipher, tag, Encoding.ASCII.GetBytes(key.KeyId));
        }

        return $"{Version}:{key.KeyId}:{Convert.ToBase64String([.. nonce, .. cipher, .. tag])}";
    }

    public Bsn Unprotect(string protectedBsn)
    {
        var parts = protectedBsn.Split(':');
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new CryptographicException("Not a protected BSN");
        }

        var key = options.Value.Effective().FirstOrDefault(k => k.KeyId == parts[1])
            ?? throw new CryptographicException($"The BSN key {parts[1]} is not configured");
        var data = Convert.FromBase64String(parts[2]);
        var plain = new byte[data.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(key.Bytes()!, TagSize))
        {
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, Encoding.ASCII.GetBytes(key.KeyId));
        }

        return Bsn.TryParse(Encoding.ASCII.GetString(plain), out var bsn) ? bsn : throw new CryptographicException("The decrypted BSN is not valid");
    }
}
