using Participatie.Security;

namespace Participatie.Gateway.Security;

/// <summary>How callers prove who they are (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The <c>iss</c> every accepted token carries.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The <c>aud</c> every accepted token carries.</summary>
    public string Audience { get; set; } = "";

    /// <summary>
    /// HMAC-SHA256 signing keys (base64, at least 256 bits), each with a key id: several at once let keys rotate —
    /// add the new key, let token issuers switch, then remove the old one. Secrets: keep them out of source control.
    /// </summary>
    public List<SigningKey> SigningKeys { get; set; } = [];

    /// <summary>
    /// An OpenID Connect issuer (e.g. the municipality's identity provider) whose published keys are accepted as well;
    /// empty when tokens are only signed with <see cref="SigningKeys"/>.
    /// </summary>
    public string Authority { get; set; } = "";

    /// <summary>Accept tokens signed with the public development key. Only the Local profile may switch this on.</summary>
    public bool AllowDevelopmentKey { get; set; }

    /// <summary>How long a partner API key's lookup is cached; a revoked key stops working within this time.</summary>
    public TimeSpan ApiKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Server secrets (base64, at least 256 bits) under which partner API keys carry a MAC, checked before anything
    /// else is asked: a key the platform did not issue is refused without touching a partner's state. The first signs
    /// new keys; all verify, so a secret is rotated by putting a new one first and, once every partner has a key issued
    /// under it, removing the old one. Secrets: keep them out of source control.
    /// </summary>
    public List<string> ApiKeySecrets { get; set; } = [];

    /// <summary>How many verified API keys the gateway remembers at most (the cache of key checks is bounded).</summary>
    public int ApiKeyCacheEntries { get; set; } = 10_000;

    /// <summary>The longest a token may live (expiry minus issue time); a longer-lived token is refused.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The secret of API keys in the Local profile: public, like the development signing key.</summary>
    internal static readonly string DevelopmentApiKeySecret = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("participatie development api key secret"u8));

    /// <summary>The API key secrets in force, with the development one last when allowed.</summary>
    public IReadOnlyList<byte[]> EffectiveApiKeySecrets() =>
        [.. ApiKeySecrets.Select(Base64OrNull).OfType<byte[]>(), .. AllowDevelopmentKey ? [Convert.FromBase64String(DevelopmentApiKeySecret)] : Array.Empty<byte[]>()];

    private static byte[]? Base64OrNull(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The issuers, audiences and keys in force, with the development ones added when allowed.</summary>
    public (IReadOnlyList<string> Issuers, IReadOnlyList<string> Audiences, IReadOnlyList<SigningKey> Keys) Effective()
    {
        var issuers = new List<string>();
        var audiences = new List<string>();
        var keys = new List<SigningKey>(SigningKeys);
        if (Issuer.Length > 0)
        {
            issuers.Add(Issuer);
        }

        if (Audience.Length > 0)
        {
            audiences.Add(Audience);
        }

        if (Authority.Length > 0)
        {
            issuers.Add(Authority);
        }

        if (AllowDevelopmentKey)
        {
            issuers.Add(DevelopmentSigningKey.Issuer);
            audiences.Add(DevelopmentSigningKey.Audience);
            keys.Add(new SigningKey { KeyId = DevelopmentSigningKey.KeyId, Key = DevelopmentSigningKey.Base64 });
        }

        return (issuers, audiences, keys);
    }

    public IEnumerable<string> Problems(string storageProfile)
    {
        if (AllowDevelopmentKey && storageProfile is not ("Local" or "Memory"))
        {
            yield return $"{Section}:AllowDevelopmentKey is only for the Local profile: its key is public";
        }

        var (issuers, audiences, keys) = Effective();
        if (issuers.Count == 0 || audiences.Count == 0)
        {
            yield return $"{Section}:Issuer and {Section}:Audience are required";
        }

        if (keys.Count == 0 && Authority.Length == 0)
        {
            yield return $"{Section}:SigningKeys (or {Section}:Authority) is required: no token could be checked";
        }

        for (var i = 0; i < SigningKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(SigningKeys[i].KeyId))
            {
                yield return $"{Section}:SigningKeys:{i}:KeyId is required";
            }

            if (SigningKeys[i].Bytes() is not { Length: >= 32 })
            {
                yield return $"{Section}:SigningKeys:{i}:Key must be base64 of at least 32 bytes";
            }
        }

        if (Authority.Length > 0 && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return $"{Section}:Authority must be an absolute https URI";
        }

        for (var i = 0; i < ApiKeySecrets.Count; i++)
        {
            if (Base64OrNull(ApiKeySecrets[i]) is not { Length: >= 32 })
            {
                yield return $"{Section}:ApiKeySecrets:{i} must be base64 of at least 32 bytes";
            }
        }

        if (EffectiveApiKeySecrets().Count == 0)
        {
            yield return $"{Section}:ApiKeySecrets needs at least one secret (openssl rand -base64 32): partner API keys carry a MAC under it";
        }

        if (ApiKeyCacheEntries is < 1 or > 1_000_000)
        {
            yield return $"{Section}:ApiKeyCacheEntries must be between 1 and 1000000";
        }

        if (MaxTokenLifetime < TimeSpan.FromMinutes(1) || MaxTokenLifetime > TimeSpan.FromDays(7))
        {
            yield return $"{Section}:MaxTokenLifetime must be between 00:01:00 and 7.00:00:00";
        }

        if (ApiKeyCacheDuration < TimeSpan.Zero || ApiKeyCacheDuration > TimeSpan.FromMinutes(10))
        {
            yield return $"{Section}:ApiKeyCacheDuration must be between 00:00:00 and 00:10:00";
        }
    }
}

/// <summary>One HMAC signing key.</summary>
public sealed class SigningKey
{
    public string KeyId { get; set; } = "";

    /// <summary>Base64.</summary>
    public string Key { get; set; } = "";

    public byte[]? Bytes()
    {
        try
        {
            return Convert.FromBase64String(Key);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
