using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Participatie.Gateway.Security.Audit;
using Participatie.Security.Audit;

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
            outcome     TEXT    NOT NULL,
            -- The hash chain (see AuditHash); null in records from before it, whose files get these columns on start.
            on_behalf_of    TEXT,
            chain_id        TEXT,
            chain_sequence  INTEGER,
            format          INTEGER,
            previous_hash   BLOB,
            hash            BLOB
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
/// record is read or written; the state file keeps its copy, which nothing writes any more. Each append links its
/// records into this process's hash chain inside the group commit, after the chain's head as that transaction sees
/// it, so a write undone (its savepoint or its whole commit) never leaves a link behind that the next one follows.
/// </summary>
public sealed class SqliteAuditStore : IAuditStore
{
    private const int CopyPage = 10_000;

    /// <summary>The audit log's columns before the hash chain; <c>sequence</c> is given only when records are copied with theirs.</summary>
    private static readonly string[] Columns = ["sequence", "at", "actor_role", "actor_id", "action", "client_id", "purpose", "outcome"];

    /// <summary>The columns a record appended now fills.</summary>
    private static readonly string[] ChainedColumns = [.. Columns[1..], "on_behalf_of", "chain_id", "chain_sequence", "format", "previous_hash", "hash"];

    /// <summary>Columns the hash chain added, with their types, for files created before it.</summary>
    private static readonly (string Name, string Type)[] AddedColumns =
        [("on_behalf_of", "TEXT"), ("chain_id", "TEXT"), ("chain_sequence", "INTEGER"), ("format", "INTEGER"), ("previous_hash", "BLOB"), ("hash", "BLOB")];

    private readonly SqliteDatabase _database;
    private readonly SqliteDatabase _stateFile;
    private readonly string _chainId;
    private readonly Lazy<Task> _ready;

    /// <summary>The head after the last write of the group commit that <c>Transaction</c> is; touched by the writer loop only.</summary>
    private (SqliteTransaction? Transaction, AuditChainHead? Head) _linked;

    public SqliteAuditStore(SqliteAuditDatabase audit, SqliteDatabase stateFile, TimeProvider? time = null)
    {
        _database = audit.Database;
        _stateFile = stateFile;
        _chainId = AuditChain.NewId(time ?? TimeProvider.System);
        _ready = new Lazy<Task>(async () =>
        {
            await AddChainColumnsAsync();
            await CopyFromStateFileAsync();
        });
    }

    /// <summary>Every write to the SQLite file joins the database's group commit.</summary>
    public bool CommitsAppendsTogether => true;

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await _ready.Value;
        await _database.WriteAsync(
            async (connection, transaction) =>
            {
                // The writes of one group commit run one after another: the first reads the head, the others follow
                // the one before them. A write that throws is undone alone and moves nothing; a commit that fails
                // leaves a head behind that the next transaction does not trust.
                var head = _linked.Transaction == transaction ? _linked.Head : await HeadAsync(connection, transaction, cancellationToken);
                var sealedRecords = AuditChain.Seal(_chainId, head, records);
                var rows = sealedRecords.Select(r => new object[]
                {
                    r.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), r.ActorRole, r.ActorId, r.Action, r.ClientId, r.Purpose, r.Outcome,
                    (object?)r.OnBehalfOf ?? DBNull.Value, r.ChainId, r.ChainSequence, r.Format, r.PreviousHash, r.Hash,
                });
                var inserted = await InsertAsync(connection, transaction, ChainedColumns, rows, cancellationToken);
                _linked = (transaction, sealedRecords.Count > 0 ? AuditChain.HeadOf(sealedRecords[^1]) : head);
                return inserted;
            },
            cancellationToken);
    }

    public async Task<AuditChainHead?> ChainHeadAsync(CancellationToken cancellationToken)
    {
        await _ready.Value;
        return await _database.ReadAsync(connection => HeadAsync(connection, null, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await _ready.Value;
        return await _database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT sequence, at, actor_role, actor_id, action, client_id, purpose, outcome, on_behalf_of FROM audit_log
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
                    reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8)));
            }

            return (IReadOnlyList<AuditRecord>)records;
        }, cancellationToken);
    }

    /// <summary>The newest record of this process's chain as <paramref name="transaction"/> (or a read) sees it.</summary>
    private async Task<AuditChainHead?> HeadAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT chain_sequence, hash, at FROM audit_log WHERE chain_id = $chain ORDER BY chain_sequence DESC LIMIT 1";
        command.Parameters.AddWithValue("$chain", _chainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditChainHead(_chainId, reader.GetInt64(0), (byte[])reader.GetValue(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
            : null;
    }

    /// <summary>
    /// Gives a file from before the hash chain its columns (once; the records in it stay unchained, see the Decisions in
    /// Security/Audit/README.md in the gateway) and the index a chain is read along.
    /// </summary>
    private Task AddChainColumnsAsync() => _database.WriteAsync(async (connection, transaction) =>
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using (var columns = connection.CreateCommand())
        {
            columns.Transaction = transaction;
            columns.CommandText = "SELECT name FROM pragma_table_info('audit_log')";
            await using var reader = await columns.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                present.Add(reader.GetString(0));
            }
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Concat(AddedColumns.Where(c => !present.Contains(c.Name)).Select(c => $"ALTER TABLE audit_log ADD COLUMN {c.Name} {c.Type};"))
            + "CREATE UNIQUE INDEX IF NOT EXISTS audit_log_by_chain ON audit_log (chain_id, chain_sequence) WHERE chain_id IS NOT NULL;";
        await command.ExecuteNonQueryAsync();
        return true;
    });

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
        var parameters = columns.Select(c => command.Parameters.Add("$" + c, c switch
        {
            "sequence" or "chain_sequence" or "format" => SqliteType.Integer,
            "previous_hash" or "hash" => SqliteType.Blob,
            _ => SqliteType.Text,
        })).ToArray();
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
