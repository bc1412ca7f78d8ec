using Npgsql;
using NpgsqlTypes;
using Participatie.Gateway.Security.Audit;
using Participatie.Security.Audit;

namespace Participatie.Silo.Storage;

/// <summary>
/// The audit log of the PostgreSql profile: the <c>participatie_audit_log</c> table of deploy/postgres (append-only
/// by trigger, INSERT-only for the application's role). One data source (connection pool) for the host; a batch is
/// one multi-row INSERT. Its records are linked into this process's own hash chain, whose head this store keeps in
/// memory: no other process appends to that chain, so linking costs no query and no lock that the silos and
/// gateways writing the same table would wait on. Appends are linked one batch at a time (the audit log hands over
/// one batch at a time already); after a failed one the head is read back from the table, since a failure may come
/// after the commit.
/// </summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource, TimeProvider time) : IAuditStore
{
    private readonly string _chainId = AuditChain.NewId(time);
    private readonly SemaphoreSlim _linking = new(1, 1);
    private AuditChainHead? _head;
    private bool _headKnown = true;

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await _linking.WaitAsync(cancellationToken);
        try
        {
            if (!_headKnown)
            {
                _head = await ReadHeadAsync(cancellationToken);
                _headKnown = true;
            }

            var sealedRecords = AuditChain.Seal(_chainId, _head, records);
            if (sealedRecords.Count == 0)
            {
                return;
            }

            _headKnown = false;
            await InsertAsync(sealedRecords, cancellationToken);
            (_head, _headKnown) = (AuditChain.HeadOf(sealedRecords[^1]), true);
        }
        finally
        {
            _linking.Release();
        }
    }

    public async Task<AuditChainHead?> ChainHeadAsync(CancellationToken cancellationToken)
    {
        await _linking.WaitAsync(cancellationToken);
        try
        {
            return _headKnown ? _head : await ReadHeadAsync(cancellationToken);
        }
        finally
        {
            _linking.Release();
        }
    }

    private async Task InsertAsync(List<ChainedAuditRecord> records, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO participatie_audit_log
                (at, actor_role, actor_id, action, client_id, purpose, outcome, on_behalf_of, chain_id, chain_sequence, format, previous_hash, hash)
            SELECT * FROM unnest(@at, @role, @actor, @action, @client, @purpose, @outcome, @behalf, @chain, @chain_sequence, @format, @previous, @hash)
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. records.Select(r => r.At.UtcDateTime)] });
        Add(command, "role", records.Select(r => r.ActorRole));
        Add(command, "actor", records.Select(r => r.ActorId));
        Add(command, "action", records.Select(r => r.Action));
        Add(command, "client", records.Select(r => r.ClientId));
        Add(command, "purpose", records.Select(r => r.Purpose));
        Add(command, "outcome", records.Select(r => r.Outcome));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("behalf", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. records.Select(r => r.OnBehalfOf)] });
        Add(command, "chain", records.Select(r => r.ChainId));
        command.Parameters.Add(new NpgsqlParameter<long[]>("chain_sequence", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. records.Select(r => r.ChainSequence)] });
        command.Parameters.Add(new NpgsqlParameter<short[]>("format", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = [.. records.Select(r => (short)r.Format)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("previous", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. records.Select(r => r.PreviousHash)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("hash", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. records.Select(r => r.Hash)] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<AuditChainHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT chain_sequence, hash, at FROM participatie_audit_log WHERE chain_id = @chain ORDER BY chain_sequence DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter("chain", NpgsqlDbType.Text) { Value = _chainId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditChainHead(_chainId, reader.GetInt64(0), (byte[])reader.GetValue(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero))
            : null;
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT sequence, at, actor_role, actor_id, action, client_id, purpose, outcome, on_behalf_of FROM participatie_audit_log
            WHERE (@client::text IS NULL OR client_id = @client) AND (@actor::text IS NULL OR actor_id = @actor)
              AND (@action::text IS NULL OR action = @action) AND (@outcome::text IS NULL OR outcome = @outcome)
              AND (@from::timestamptz IS NULL OR at >= @from) AND (@to::timestamptz IS NULL OR at < @to)
              AND (@before::bigint IS NULL OR sequence < @before)
            ORDER BY sequence DESC LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter("client", NpgsqlDbType.Text) { Value = (object?)query.ClientId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("actor", NpgsqlDbType.Text) { Value = (object?)query.ActorId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("action", NpgsqlDbType.Text) { Value = (object?)query.Action ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("outcome", NpgsqlDbType.Text) { Value = (object?)query.Outcome ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)query.From?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)query.To?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.Bigint) { Value = (object?)query.Before ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = query.Limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AuditRecord(
                reader.GetInt64(0),
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return records;
    }

    private static void Add(NpgsqlCommand command, string name, IEnumerable<string> values) =>
        command.Parameters.Add(new NpgsqlParameter<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] });
}
