namespace Participatie.Abstractions.Partners;

/// <summary>
/// The API keys of one partner organisation. Key: the partner id ("pt-…"). Only a SHA-256 hash of each key's secret
/// is kept; the secret is shown once, when the key is issued.
/// </summary>
[Alias("participatie.IPartnerKeyRingGrain")]
public interface IPartnerKeyRingGrain : IGrainWithStringKey
{
    /// <summary>Stores a new key by the hash of its secret.</summary>
    [Alias("Add")]
    Task<PartnerKeyView> AddAsync(string keyId, byte[] secretHash, string description);

    /// <summary>Revokes a key; revoking twice keeps the first revocation's time.</summary>
    [Alias("Revoke")]
    Task<PartnerKeyView> RevokeAsync(string keyId);

    [Alias("List")]
    Task<IReadOnlyList<PartnerKeyView>> ListAsync();

    /// <summary>Whether the key exists, is not revoked, and its secret has this hash.</summary>
    [Alias("Verify")]
    Task<bool> VerifyAsync(string keyId, byte[] secretHash);
}

[GenerateSerializer, Immutable, Alias("participatie.PartnerKeyView")]
public sealed record PartnerKeyView(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string PartnerId,
    [property: Id(2)] string Description,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt);
