using System.Globalization;

namespace Participatie.Security.Audit;

/// <summary>
/// The first place a chain no longer holds: which chain, which record (its chain sequence, and its log sequence, 0
/// when the break is a record that is not there), what is wrong.
/// </summary>
public sealed record AuditBreak(string ChainId, long ChainSequence, long Sequence, string Problem)
{
    public override string ToString() => Sequence > 0
        ? string.Create(CultureInfo.InvariantCulture, $"chain {ChainId}, record {ChainSequence} (log sequence {Sequence}): {Problem}")
        : string.Create(CultureInfo.InvariantCulture, $"chain {ChainId}, record {ChainSequence}: {Problem}");
}

/// <summary>What a walk over the chains found.</summary>
public sealed record AuditVerification(
    int Chains,
    long Records,
    IReadOnlyList<AuditBreak> Breaks,
    int CheckpointsMatched,
    IReadOnlyList<string> ChainsWithoutCheckpoint);

/// <summary>
/// Walks the audit chains and finds, in each, the first record that breaks it: content altered (the hash no longer
/// matches the fields), records deleted (a gap in the chain sequence, or a tail cut off after a signed checkpoint),
/// a record replaced or rewritten (its link names another hash than its predecessor's, or its hash is not the one a
/// checkpoint signed), or records reordered (the log's order contradicts the chain's). Feed it every chained record
/// grouped by chain and in chain order, then <see cref="Finish"/>. Shared by the host and the CLI.
/// </summary>
public sealed class AuditChainVerifier
{
    private readonly Dictionary<(string Chain, long Sequence), AuditCheckpoint> _checkpoints = [];
    private readonly HashSet<string> _checkpointedChains = new(StringComparer.Ordinal);
    private readonly List<AuditBreak> _breaks = [];
    private readonly Dictionary<string, long> _chainEnds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _brokenChains = new(StringComparer.Ordinal);
    private ChainedAuditRecord? _previous;
    private long _records;
    private int _matched;

    /// <summary>A verifier that also holds each chain against the given checkpoints (their signatures checked already).</summary>
    public AuditChainVerifier(IEnumerable<AuditCheckpoint> checkpoints)
    {
        foreach (var checkpoint in checkpoints)
        {
            _checkpoints[(checkpoint.ChainId, checkpoint.Sequence)] = checkpoint;
            _checkpointedChains.Add(checkpoint.ChainId);
        }
    }

    /// <summary>A break found outside the chains (a forged checkpoint, a record without a hash among chained ones).</summary>
    public void Report(AuditBreak problem) => _breaks.Add(problem);

    public void Add(ChainedAuditRecord record)
    {
        _records++;
        var previous = _previous?.ChainId == record.ChainId ? _previous : null;
        if (previous is null && _chainEnds.ContainsKey(record.ChainId))
        {
            Break(record, "the chain's records are not grouped together (read out of order)");
            return;
        }

        _previous = record;
        _chainEnds[record.ChainId] = record.ChainSequence;
        if (_brokenChains.Contains(record.ChainId))
        {
            return;
        }

        var expected = (previous?.ChainSequence ?? 0) + 1;
        if (record.ChainSequence == expected - 1)
        {
            Break(record, "it appears twice");
        }
        else if (record.ChainSequence != expected)
        {
            Break(record, string.Create(CultureInfo.InvariantCulture, $"record {expected}{(record.ChainSequence - 1 > expected ? $" to {record.ChainSequence - 1}" : "")} before it is missing (deleted)"));
        }
        else if (!AuditHash.Supports(record.Format))
        {
            Break(record, string.Create(CultureInfo.InvariantCulture, $"its format {record.Format} is unknown to this version"));
        }
        else if (!AuditHash.Compute(record).AsSpan().SequenceEqual(record.Hash))
        {
            Break(record, "its content was altered: its hash does not match its fields");
        }
        else if (!record.PreviousHash.AsSpan().SequenceEqual(previous?.Hash ?? AuditHash.Genesis))
        {
            Break(record, string.Create(CultureInfo.InvariantCulture, $"it does not follow record {expected - 1}: its link names another hash (a record before it was replaced or rewritten)"));
        }
        else if (previous is not null && record.Sequence <= previous.Sequence)
        {
            Break(record, string.Create(CultureInfo.InvariantCulture, $"it stands before record {previous.ChainSequence} in the log (log sequence {record.Sequence} < {previous.Sequence}): reordered"));
        }
        else if (_checkpoints.TryGetValue((record.ChainId, record.ChainSequence), out var checkpoint))
        {
            if (!string.Equals(checkpoint.Hash, Convert.ToHexStringLower(record.Hash), StringComparison.OrdinalIgnoreCase))
            {
                Break(record, string.Create(CultureInfo.InvariantCulture, $"its hash is not the one signed in the checkpoint of {checkpoint.SignedAt:O}: the history up to it was rewritten"));
            }
            else
            {
                _matched++;
            }
        }
    }

    public AuditVerification Finish()
    {
        foreach (var checkpoint in _checkpoints.Values.OrderBy(c => c.ChainId, StringComparer.Ordinal).ThenBy(c => c.Sequence))
        {
            if (_brokenChains.Contains(checkpoint.ChainId))
            {
                continue;
            }

            if (!_chainEnds.TryGetValue(checkpoint.ChainId, out var end))
            {
                Break(checkpoint.ChainId, checkpoint.Sequence, string.Create(CultureInfo.InvariantCulture, $"the whole chain is missing, though the checkpoint of {checkpoint.SignedAt:O} names its record {checkpoint.Sequence} (deleted)"));
            }
            else if (end < checkpoint.Sequence)
            {
                Break(checkpoint.ChainId, end + 1, string.Create(CultureInfo.InvariantCulture, $"the chain ends at record {end}, though the checkpoint of {checkpoint.SignedAt:O} names its record {checkpoint.Sequence}: its tail was cut off (deleted)"));
            }
        }

        var withoutCheckpoint = _chainEnds.Keys.Where(c => !_checkpointedChains.Contains(c)).Order(StringComparer.Ordinal).ToList();
        return new AuditVerification(_chainEnds.Count, _records, _breaks, _matched, withoutCheckpoint);
    }

    private void Break(ChainedAuditRecord record, string problem)
    {
        _brokenChains.Add(record.ChainId);
        _breaks.Add(new AuditBreak(record.ChainId, record.ChainSequence, record.Sequence, problem));
    }

    private void Break(string chainId, long chainSequence, string problem)
    {
        _brokenChains.Add(chainId);
        _breaks.Add(new AuditBreak(chainId, chainSequence, 0, problem));
    }
}
