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
