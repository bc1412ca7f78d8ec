using Npgsql;
using NpgsqlTypes;
using Participatie.Gateway.Security.Audit;

namespace Participatie.Silo.Storage;

/// <summary>
/// The audit log of the PostgreSql profile: the <c>participatie_audit_log</c> table of deploy/postgres (append-only
/// by trigger). One data source (connection pool) for the host; a batch is one multi-row INSERT.
/// </summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO participatie_audit_log (at, actor_role, actor_id, action, client_id, purpose, outcome)
            SELECT * FROM unnest(@at, @role, @actor, @action, @client, @purpose, @outcome)
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. records.Select(r => r.At.UtcDateTime)] });
        Add(command, "role", records.Select(r => r.ActorRole));
        Add(command, "actor", records.Select(r => r.ActorId));
        Add(command, "action", records.Select(r => r.Action));
        Add(command, "client", records.Select(r => r.ClientId));
        Add(command, "purpose", records.Select(r => r.Purpose));
        Add(command, "outcome", records.Select(r => r.Outcome));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT sequence, at, actor_role, actor_id, action, client_id, purpose, outcome FROM participatie_audit_log
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
                reader.GetString(7)));
        }

        return records;
    }

    private static void Add(NpgsqlCommand command, string name, IEnumerable<string> values) =>
        command.Parameters.Add(new NpgsqlParameter<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] });
}
