using System.Security.Cryptography;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Partners;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Partners;

/// <summary>The API keys of one partner organisation, hashed; see <see cref="IPartnerKeyRingGrain"/>.</summary>
public sealed class PartnerKeyRingGrain(
    [PersistentState(StorageNames.PartnerKeys, StorageNames.Provider)] IPersistentState<PartnerKeyRingState> record,
    TimeProvider time) : Grain, IPartnerKeyRingGrain
{
    public const int MaxKeys = 20;

    private string PartnerId => this.GetPrimaryKeyString();

    public async Task<PartnerKeyView> AddAsync(string keyId, byte[] secretHash, string description)
    {
        var violations = new Violations();
        var what = violations.Text(nameof(description), description, 200);
        violations.ThrowIfAny();
        if (record.State.Keys.Count(k => k.RevokedAt is null) >= MaxKeys)
        {
            throw new PreconditionFailedException(Reasons.TooManyKeys, $"partner {PartnerId} has {MaxKeys} working keys; revoke one first");
        }

        var key = new PartnerKeyRecord { KeyId = keyId, SecretHash = secretHash, Description = what!, CreatedAt = time.GetUtcNow() };
        record.State.Keys.Add(key);
        await WriteAsync();
        return View(key);
    }

    public async Task<PartnerKeyView> RevokeAsync(string keyId)
    {
        var key = record.State.Keys.SingleOrDefault(k => k.KeyId == keyId) ?? throw new NotFoundException("api key", keyId);
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            await WriteAsync();
        }

        return View(key);
    }

    public Task<IReadOnlyList<PartnerKeyView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<PartnerKeyView>>([.. record.State.Keys.Select(View)]);

    public Task<bool> VerifyAsync(string keyId, byte[] secretHash) =>
        Task.FromResult(record.State.Keys.Any(k => k.KeyId == keyId && k.RevokedAt is null && CryptographicOperations.FixedTimeEquals(k.SecretHash, secretHash)));

    private PartnerKeyView View(PartnerKeyRecord key) => new(key.KeyId, PartnerId, key.Description, key.CreatedAt, key.RevokedAt);

    private async Task WriteAsync()
    {
        try
        {
            await record.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}

[GenerateSerializer, Alias("participatie.state.PartnerKeyRing")]
public sealed class PartnerKeyRingState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    [Id(1)] public List<PartnerKeyRecord> Keys { get; set; } = [];
}

[GenerateSerializer, Alias("participatie.state.PartnerKey")]
public sealed class PartnerKeyRecord
{
    [Id(0)] public string KeyId { get; set; } = "";

    /// <summary>SHA-256 of the secret; the secret itself is never stored.</summary>
    [Id(1)] public byte[] SecretHash { get; set; } = [];

    [Id(2)] public string Description { get; set; } = "";

    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    [Id(4)] public DateTimeOffset? RevokedAt { get; set; }
}
