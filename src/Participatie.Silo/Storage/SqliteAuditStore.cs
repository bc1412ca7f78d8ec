using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Participatie.Gateway.Security.Audit;

namespace Participatie.Silo.Storage;

/// <summary>
/// The audit log's own SQLite file, <c>audit.db</c> beside the state file: its own writer and write-ahead log, so
/// the records every read writes do not queue behind the state's writes (and the two commit on both cores at once).
/// </summary>
public sealed class SqliteAuditDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase>? logger = null) : IAsyncDisposable
{
    public const string FileName = "audit.db";

    /// <summary>Append-only by trigger: the platform never changes or removes an audit record.</summary>
    public const string Schema = SqliteDatabase.Pragmas + """
        CREATE TABLE IF NOT EXISTS audit_log (
            sequence    INTEGER PRIMARY KEY AUTOINCREMENT,
            at          TEXT    NOT NULL,
            actor_role  TEXT    NOT NULL,
            actor_id    TEXT    NOT NULL,
            action      TEXT    NOT NULL,
            client_id   TEXT    NOT NULL,
            purpose     TEXT    NOT NULL,
            outcome     TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_log_by_client ON audit_log (client_id, sequence);
        CREATE INDEX IF NOT EXISTS audit_log_by_actor ON audit_log (actor_id, sequence);
        -- Append-only: the platform never changes or removes an audit record.
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """;

    public SqliteDatabase Database { get; } = new(options, FileName, Schema, logger);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

/// <summary>
/// The audit log of the Local profile: the <c>audit_log</c> table of <c>audit.db</c>. Records written before the log
/// had a file of its own are copied there from the state file once, with their sequence numbers, before the first
/// record is read or written; the state file keeps its copy, which nothing writes any more.
/// </summary>
public sealed class SqliteAuditStore : IAuditStore
{
    private const int CopyPage = 10_000;

    /// <summary>The audit log's columns; <c>sequence</c> is given only when records are copied with theirs.</summary>
    private static readonly string[] Columns = ["sequence", "at", "actor_role", "actor_id", "action", "client_id", "purpose", "outcome"];

    private readonly SqliteDatabase _database;
    private readonly SqliteDatabase _stateFile;
    private readonly Lazy<Task> _copied;

    public SqliteAuditStore(SqliteAuditDatabase audit, SqliteDatabase stateFile)
    {
        _database = audit.Database;
        _stateFile = stateFile;
        _copied = new Lazy<Task>(CopyFromStateFileAsync);
    }

    /// <summary>Every write to the SQLite file joins the database's group commit.</summary>
    public bool CommitsAppendsTogether => true;

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await _copied.Value;
        var rows = records.Select(r => new object[] { r.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), r.ActorRole, r.ActorId, r.Action, r.ClientId, r.Purpose, r.Outcome });
        await _database.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, Columns[1..], rows, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await _copied.Value;
        return await _database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT sequence, at, actor_role, actor_id, action, client_id, purpose, outcome FROM audit_log
                WHERE ($client IS NULL OR client_id = $client) AND ($actor IS NULL OR actor_id = $actor)
                  AND ($action IS NULL OR action = $action) AND ($outcome IS NULL OR outcome = $outcome)
                  AND ($from IS NULL OR at >= $from) AND ($to IS NULL OR at < $to) AND ($before IS NULL OR sequence < $before)
                ORDER BY sequence DESC LIMIT $limit
                """;
            command.Parameters.AddWithValue("$client", (object?)query.ClientId ?? DBNull.Value);
            command.Parameters.AddWithValue("$actor", (object?)query.ActorId ?? DBNull.Value);
            command.Parameters.AddWithValue("$action", (object?)query.Action ?? DBNull.Value);
            command.Parameters.AddWithValue("$outcome", (object?)query.Outcome ?? DBNull.Value);
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

            return (IReadOnlyList<AuditRecord>)records;
        }, cancellationToken);
    }

    /// <summary>
    /// Copies the state file's audit records that this file lacks: those after the highest sequence here. Nothing is
    /// appended here before the copy ends, so a copy broken off by a crash goes on from where it stopped.
    /// </summary>
    private async Task CopyFromStateFileAsync()
    {
        var hasOldLog = await _stateFile.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
        });
        if (!hasOldLog)
        {
            return;
        }

        var after = await _database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT coalesce(max(sequence), 0) FROM audit_log";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        });
        while (true)
        {
            var rows = await _stateFile.ReadAsync(async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", Columns)} FROM audit_log WHERE sequence > $after ORDER BY sequence LIMIT {CopyPage}";
                command.Parameters.AddWithValue("$after", after);
                await using var reader = await command.ExecuteReaderAsync();
                var page = new List<object[]>();
                while (await reader.ReadAsync())
                {
                    var values = new object[Columns.Length];
                    reader.GetValues(values);
                    page.Add(values);
                }

                return page;
            });
            if (rows.Count == 0)
            {
                return;
            }

            await _database.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, Columns, rows, CancellationToken.None));
            after = (long)rows[^1][0];
        }
    }

    /// <summary>Inserts the rows (values in the order of <paramref name="columns"/>) with one prepared statement.</summary>
    private static async Task<bool> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string[] columns, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO audit_log ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        var parameters = columns.Select(c => command.Parameters.Add("$" + c, c == "sequence" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return true;
    }
}
