using System.Security.Cryptography;
using System.Text;
using Participatie.Security.Audit;

namespace Participatie.Gateway.Security.Audit;

/// <summary>
/// The hash chain a host process appends its audit records to. Every process has a chain of its own (a new id at each
/// start), so processes that append to one PostgreSQL table concurrently never wait for each other to link a record:
/// each knows its own chain's head. See the Decisions in src/Participatie.Gateway/Security/Audit/README.md.
/// </summary>
public static class AuditChain
{
    /// <summary>A new chain id: the host's name, the start time and a random part, e.g. <c>silo-2-20260105T100000Z-3fa9c2</c>.</summary>
    public static string NewId(TimeProvider time)
    {
        var host = new StringBuilder();
        foreach (var c in Environment.MachineName.ToLowerInvariant())
        {
            host.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return $"{(host.Length > 0 ? host.ToString() : "host")}-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
    }

    /// <summary>The records linked after <paramref name="head"/> (null: the chain's first records), in order.</summary>
    public static List<ChainedAuditRecord> Seal(string chainId, AuditChainHead? head, IEnumerable<AuditRecord> records)
    {
        var (sequence, previous) = head is null ? (0L, AuditHash.Genesis) : (head.Sequence, head.Hash);
        var sealedRecords = new List<ChainedAuditRecord>();
        foreach (var record in records)
        {
            var chained = new ChainedAuditRecord(
                0, chainId, ++sequence, AuditHash.CurrentFormat, AuditHash.Stored(record.At),
                record.ActorRole, record.ActorId, record.OnBehalfOf, record.Action, record.ClientId, record.Purpose, record.Outcome,
                previous, []);
            chained = chained with { Hash = AuditHash.Compute(chained) };
            previous = chained.Hash;
            sealedRecords.Add(chained);
        }

        return sealedRecords;
    }

    /// <summary>The chain's head once <paramref name="last"/> is stored.</summary>
    public static AuditChainHead HeadOf(ChainedAuditRecord last) => new(last.ChainId, last.ChainSequence, last.Hash, last.At);
}
