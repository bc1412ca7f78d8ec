using Participatie.Security.Audit;
namespace Participatie.Gateway.Security.Audit;

/// <summary>
/// One read or change of one person's data: who, in which role, on whose behalf, what, for whom, why, when, and how it
/// ended (NEN 7513's questions; see the README beside this file).
/// </summary>
/// <param name="Sequence">Order of appending, given by the store (0 before it is stored).</param>
/// <param name="At">When the call was answered (UTC).</param>
/// <param name="ActorRole">The caller's role (admin, coach, team, partner, researcher, person).</param>
/// <param name="ActorId">The caller's subject: a coach id, staff id, partner id or the person's own id.</param>
/// <param name="Action">The RPC, e.g. ClientService.GetClient.</param>
/// <param name="ClientId">Whose data: the opaque person id.</param>
/// <param name="Purpose">The declared purpose (x-purpose).</param>
/// <param name="Outcome">The gRPC status the call ended with.</param>
/// <param name="OnBehalfOf">Whom the caller acted for, when not for themselves (an admin acting for a coach); null otherwise.</param>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string ActorRole,
    string ActorId,
    string Action,
    string ClientId,
    string Purpose,
    string Outcome,
    string? OnBehalfOf = null);

/// <summary>
/// A page of the audit log, newest first; <see cref="Before"/> continues after an earlier page. Every filter is
/// optional (null: any); <see cref="Action"/> and <see cref="Outcome"/> match exactly.
/// </summary>
public sealed record AuditQuery(
    string? ClientId,
    string? ActorId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    long? Before,
    int Limit,
    string? Action = null,
    string? Outcome = null);

/// <summary>
/// Where audit records are kept: append-only, in the host's storage profile, each record linked into this process's
/// hash chain (<see cref="AuditChain"/>).
/// </summary>
public interface IAuditStore
{
    /// <summary>Appends every record in one transaction, or none, linking them into this process's chain in order.</summary>
    Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// The head of the chain this process appends to, as this process knows it: what its checkpoints sign. Null before
    /// its first record (and from a store that keeps no chain, such as a test's wrapper).
    /// </summary>
    Task<AuditChainHead?> ChainHeadAsync(CancellationToken cancellationToken) => Task.FromResult<AuditChainHead?>(null);

    /// <summary>
    /// True when the store commits concurrent appends together by itself (the embedded store's group commit): the
    /// audit log then hands each call's records straight to it, without a batching step of its own in between.
    /// </summary>
    bool CommitsAppendsTogether => false;

    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}

/// <summary>The audit log of the Memory profile (tests): lost on stop.</summary>
public sealed class MemoryAuditStore(TimeProvider time) : IAuditStore
{
    private readonly List<AuditRecord> _records = [];
    private readonly string _chainId = AuditChain.NewId(time);
    private AuditChainHead? _head;

    public MemoryAuditStore()
        : this(TimeProvider.System)
    {
    }

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            var sealedRecords = AuditChain.Seal(_chainId, _head, records);
            foreach (var (record, chained) in records.Zip(sealedRecords))
            {
                _records.Add(record with { Sequence = _records.Count + 1, At = chained.At });
            }

            _head = sealedRecords.Count > 0 ? AuditChain.HeadOf(sealedRecords[^1]) : _head;
        }

        return Task.CompletedTask;
    }

    public Task<AuditChainHead?> ChainHeadAsync(CancellationToken cancellationToken)
    {
        lock (_records)
        {
            return Task.FromResult(_head);
        }
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        lock (_records)
        {
            IReadOnlyList<AuditRecord> page = _records
                .Where(r => query.ClientId is null || r.ClientId == query.ClientId)
                .Where(r => query.ActorId is null || r.ActorId == query.ActorId)
                .Where(r => query.Action is null || r.Action == query.Action)
                .Where(r => query.Outcome is null || r.Outcome == query.Outcome)
                .Where(r => query.From is null || r.At >= query.From)
                .Where(r => query.To is null || r.At < query.To)
                .Where(r => query.Before is null || r.Sequence < query.Before)
                .OrderByDescending(r => r.Sequence)
                .Take(query.Limit)
                .ToList();
            return Task.FromResult(page);
        }
    }
}
