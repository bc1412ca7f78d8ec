using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Participatie.Silo.Storage;

/// <summary>
/// The embedded store of the <c>Local</c> profile: one SQLite file in the data folder holding grain state,
/// reminders and our own tables (the audit log, the client directory). WAL journal, so readers never wait for the writer; writes go through one
/// connection at a time, which is what SQLite allows anyway, without busy-retry storms.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lazy<Task> _schema;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var directory = Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, "participatie.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync);
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>Runs a read on its own pooled connection.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await _schema.Value;
        await using var connection = await OpenAsync(cancellationToken);
        return await read(connection);
    }

    /// <summary>Runs a write in a transaction; one writer at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        await _schema.Value;
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
        await Task.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        // synchronous=NORMAL in WAL mode: a commit survives a crash of the process (the OS holds the WAL pages);
        // only a power loss can take the last commits back. FULL would sync every commit to disk.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS grain_state (
                state_name  TEXT    NOT NULL,
                grain_id    TEXT    NOT NULL,
                etag        INTEGER NOT NULL,
                payload     BLOB    NOT NULL,
                updated_at  TEXT    NOT NULL,
                PRIMARY KEY (state_name, grain_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS reminders (
                grain_id       TEXT    NOT NULL,
                reminder_name  TEXT    NOT NULL,
                grain_hash     INTEGER NOT NULL,
                start_at       TEXT    NOT NULL,
                period_ticks   INTEGER NOT NULL,
                etag           INTEGER NOT NULL,
                PRIMARY KEY (grain_id, reminder_name)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (grain_hash);
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
            -- The client directory (a projection of the person records, see deploy/postgres/006): name_key is the
            -- folded name, compared as bytes; lists page by keyset on (name_key, client_id) along these indexes.
            CREATE TABLE IF NOT EXISTS client_directory (
                client_id              TEXT    NOT NULL PRIMARY KEY,
                given_name             TEXT    NOT NULL,
                family_name            TEXT    NOT NULL,
                name_key               TEXT    NOT NULL,
                neighbourhood_id       TEXT    NOT NULL,
                coach_id               TEXT,
                segment                INTEGER NOT NULL,
                team_involvement       INTEGER NOT NULL,
                case_ended_on          TEXT,
                last_participation_on  TEXT,
                anonymised             INTEGER NOT NULL,
                version                INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS client_directory_by_name ON client_directory (name_key, client_id) WHERE anonymised = FALSE;
            CREATE INDEX IF NOT EXISTS client_directory_by_coach ON client_directory (coach_id, name_key, client_id) WHERE anonymised = FALSE;
            CREATE INDEX IF NOT EXISTS client_directory_by_neighbourhood ON client_directory (neighbourhood_id, name_key, client_id) WHERE anonymised = FALSE;
            """;
        await command.ExecuteNonQueryAsync();
    }
}
