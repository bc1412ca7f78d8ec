using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Participatie.Security.Audit;

/// <summary>
/// A signed statement that, at <see cref="SignedAt"/>, the chain <see cref="ChainId"/> ended at record
/// <see cref="Sequence"/> with hash <see cref="Hash"/> (hex). Written by the host that appends to the chain into a
/// folder it only adds files to; <c>participatie audit verify --checkpoints</c> holds the chain against every one of
/// them, so a history rewritten (all hashes recomputed) or cut short after a checkpoint no longer matches it.
/// Signed with HMAC-SHA256 under <c>Audit:CheckpointKey</c> (see the Decisions in the README beside this file).
/// Shared by the host and the CLI.
/// </summary>
public sealed record AuditCheckpoint(int Format, string ChainId, long Sequence, string Hash, DateTimeOffset SignedAt, string Signature)
{
    public const int CurrentFormat = 1;

    /// <summary>A key shorter than this (in UTF-8 bytes) is refused: HMAC-SHA256 wants at least 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The checkpoint of <paramref name="head"/>, signed at <paramref name="signedAt"/>.</summary>
    public static AuditCheckpoint Sign(AuditChainHead head, DateTimeOffset signedAt, string key)
    {
        var unsigned = new AuditCheckpoint(CurrentFormat, head.ChainId, head.Sequence, Convert.ToHexStringLower(head.Hash), AuditHash.Stored(signedAt), "");
        return unsigned with { Signature = Convert.ToHexStringLower(unsigned.Mac(key)) };
    }

    /// <summary>True when the signature is this checkpoint's under <paramref name="key"/>: nothing in it was changed or made up.</summary>
    public bool IsSignedWith(string key) =>
        Format == CurrentFormat
        && Signature.Length == HMACSHA256.HashSizeInBytes * 2
        && Signature.All(char.IsAsciiHexDigit)
        && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Signature), Mac(key));

    /// <summary>A name that sorts by time and never repeats: one file per checkpoint, never overwritten.</summary>
    public string FileName => $"{SignedAt:yyyyMMdd'T'HHmmss'Z'}-{ChainId}-{Sequence.ToString(CultureInfo.InvariantCulture)}.json";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The checkpoint in a file's text; null when the text is not one.</summary>
    public static AuditCheckpoint? Parse(string json)
    {
        try
        {
            var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(json, Json);
            return checkpoint is { ChainId: not null, Hash: not null, Signature: not null } ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private byte[] Mac(string key)
    {
        var text = string.Join('\n', "participatie-audit-checkpoint", Format.ToString(CultureInfo.InvariantCulture), ChainId,
            Sequence.ToString(CultureInfo.InvariantCulture), Hash, SignedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text));
    }
}
