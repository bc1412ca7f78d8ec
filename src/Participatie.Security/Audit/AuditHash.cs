using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Participatie.Security.Audit;

/// <summary>
/// One audit record as its hash covers it: every recorded field, its place in its chain and the hash of the record
/// before it there. <see cref="Sequence"/> (the log's order across chains, given by the store) is not covered: the
/// chain's own <see cref="ChainSequence"/> is.
/// </summary>
public sealed record ChainedAuditRecord(
    long Sequence,
    string ChainId,
    long ChainSequence,
    int Format,
    DateTimeOffset At,
    string ActorRole,
    string ActorId,
    string? OnBehalfOf,
    string Action,
    string ClientId,
    string Purpose,
    string Outcome,
    byte[] PreviousHash,
    byte[] Hash);

/// <summary>The newest record of one chain: what a checkpoint signs.</summary>
public sealed record AuditChainHead(string ChainId, long Sequence, byte[] Hash, DateTimeOffset At);

/// <summary>
/// The hash of an audit record: SHA-256 over a canonical, versioned encoding of every recorded field and the previous
/// record's hash. Shared by the stores (which seal records) and <c>participatie audit verify</c> (which checks them).
/// </summary>
/// <remarks>
/// Encoding of <see cref="CurrentFormat"/> 1: the ASCII tag <c>participatie-audit</c>, then the format, the chain
/// sequence and the time (microseconds since the Unix epoch, UTC) as big-endian 64-bit integers, then chain id, actor
/// role, actor id, on-behalf-of, action, client id, purpose and outcome, each as a big-endian 32-bit byte length
/// (-1 for null) and its UTF-8 bytes, then the 32 bytes of the previous hash. Lengths make the encoding unambiguous:
/// no two different records encode alike. A new field means a new format; records keep the format they were sealed in.
/// </remarks>
public static class AuditHash
{
    public const int CurrentFormat = 1;

    public const int Size = SHA256.HashSizeInBytes;

    private static readonly byte[] Tag = "participatie-audit"u8.ToArray();

    /// <summary>The "previous hash" of a chain's first record.</summary>
    public static byte[] Genesis => new byte[Size];

    /// <summary>
    /// The time as it is stored and hashed: UTC, whole microseconds (PostgreSQL's <c>timestamptz</c> keeps no more), so
    /// the value read back is the value that was hashed.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000), TimeSpan.Zero);

    public static bool Supports(int format) => format == CurrentFormat;

    /// <summary>The hash the record should carry, from its fields and <see cref="ChainedAuditRecord.PreviousHash"/>.</summary>
    public static byte[] Compute(ChainedAuditRecord record)
    {
        if (!Supports(record.Format))
        {
            throw new ArgumentException($"Unknown audit record format {record.Format}", nameof(record));
        }

        using var buffer = new MemoryStream(256);
        buffer.Write(Tag);
        WriteInt64(buffer, record.Format);
        WriteInt64(buffer, record.ChainSequence);
        WriteInt64(buffer, (record.At.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000));
        foreach (var text in new[] { record.ChainId, record.ActorRole, record.ActorId, record.OnBehalfOf, record.Action, record.ClientId, record.Purpose, record.Outcome })
        {
            WriteText(buffer, text);
        }

        buffer.Write(record.PreviousHash);
        return SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void WriteInt64(Stream buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        buffer.Write(bytes);
    }

    private static void WriteText(Stream buffer, string? text)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        if (text is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            buffer.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
