using System.Globalization;
using Microsoft.Data.Sqlite;
using Participatie.Gateway.Security.Audit;

namespace Participatie.Silo.Storage;

/// <summary>The audit log of the Local profile: the <c>audit_log</c> table of the SQLite file (append-only by trigger).</summary>
public sealed class SqliteAuditStore(SqliteDatabase database) : IAuditStore
{
    /// <summary>Every write to the SQLite file joins the database's group commit.</summary>
    public bool CommitsAppendsTogether => true;

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO audit_log (at, actor_role, actor_id, action, client_id, purpose, outcome)
                VALUES ($at, $role, $actor, $action, $client, $purpose, $outcome)
                """;
            var parameters = new[] { "$at", "$role", "$actor", "$action", "$client", "$purpose", "$outcome" }.Select(n => command.Parameters.Add(n, SqliteType.Text)).ToArray();
            foreach (var r in records)
            {
                string[] values = [r.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), r.ActorRole, r.ActorId, r.Action, r.ClientId, r.Purpose, r.Outcome];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i];
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AuditRecord>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT sequence, at, actor_role, actor_id, action, client_id, purpose, outcome FROM audit_log
                WHERE ($client IS NULL OR client_id = $client) AND ($actor IS NULL OR actor_id = $actor)
                  AND ($from IS NULL OR at >= $from) AND ($to IS NULL OR at < $to) AND ($before IS NULL OR sequence < $before)
                ORDER BY sequence DESC LIMIT $limit
                """;
            command.Parameters.AddWithValue("$client", (object?)query.ClientId ?? DBNull.Value);
            command.Parameters.AddWithValue("$actor", (object?)query.ActorId ?? DBNull.Value);
            command.Parameters.AddWithValue("$from", (object?)query.From?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
            command.Parameters.AddWithValue("$to", (object?)query.To?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
            command.Parameters.AddWithValue("$before", (object?)query.Before ?? DBNull.Value);
            command.Parameters.AddWithValue("$limit", query.Limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var records = new List<AuditRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(new AuditRecord(
                    reader.GetInt64(0),
                    DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.GetString(7)));
            }

            return records;
        }, cancellationToken);
}
