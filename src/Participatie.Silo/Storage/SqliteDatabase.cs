using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Participatie.Silo.Storage;

/// <summary>
/// The embedded store of the <c>Local</c> profile: one SQLite file in the data folder holding grain state,
/// reminders and our own tables (the audit log, the client directory). WAL journal, so readers never wait for the
/// writer. Writes are group-committed: one writer loop takes every write queued while the previous transaction
/// committed and runs them in one transaction, each inside a savepoint of its own, so a write that fails is undone
/// alone and the others commit. A caller's write completes only after the commit that holds it, so durability is
/// what it was with a transaction per write; the cost of a commit is shared by everyone waiting for one.
/// </summary>
public sealed partial class SqliteDatabase : IAsyncDisposable
{
    /// <summary>Writes at most in one transaction, so one commit never holds up the first caller for long.</summary>
    public const int MaxWritesPerCommit = 256;

    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _writer;

    private readonly ILogger _logger;
    private readonly string _schemaSql;

    /// <summary>The state file, <c>participatie.db</c>: grain state, reminders, the client directory.</summary>
    public SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase>? logger = null)
        : this(options, "participatie.db", StateSchema, logger)
    {
    }

    /// <summary>A file of its own in the data folder, created with <paramref name="schema"/> (run at every start).</summary>
    public SqliteDatabase(IOptions<StorageOptions> options, string fileName, string schema, ILogger<SqliteDatabase>? logger = null)
    {
        _logger = logger ?? NullLogger<SqliteDatabase>.Instance;
        var directory = Path.GetFullPath(options.Value.DataDirectory);
        FilePath = Path.Combine(directory, fileName);
        if (!OwnerOnly.Prepare(directory, FilePath))
        {
            LogWideMode(_logger, directory);
        }
        _schemaSql = schema;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync);
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync));
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

    /// <summary>
    /// Runs a write inside the next group commit and completes once that commit is durable. The write runs in a
    /// savepoint: when it throws, its changes are rolled back and the exception is this caller's alone. It must not
    /// call <see cref="WriteAsync{T}"/> itself (it would wait for the commit it is part of).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        await _schema.Value;
        _ = _writer.Value;
        var pending = new PendingWrite<T>(write, cancellationToken);
        if (!_writes.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase), "The database is closed");
        }

        return await pending.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        // Writes already queued still commit; later ones are refused.
        _writes.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value;
        }

        SqliteConnection.ClearAllPools();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data folder {Directory} or its files belong to another user: their mode could not be narrowed to the platform's own user (0700/0600)")]
    private static partial void LogWideMode(ILogger logger, string directory);

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxWritesPerCommit);
        var reader = _writes.Reader;
        SqliteConnection? connection = null;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                batch.Clear();
                while (batch.Count < MaxWritesPerCommit && reader.TryRead(out var write))
                {
                    if (!write.CancelIfRequested())
                    {
                        batch.Add(write);
                    }
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                try
                {
                    connection ??= await OpenAsync(CancellationToken.None);
                    await CommitAsync(connection, batch);
                }
                catch (Exception exception)
                {
                    // The transaction as a whole failed (begin or commit): nothing of it is stored, every write in it
                    // fails, and the next batch starts on a fresh connection.
                    LogCommitFailed(_logger, batch.Count, exception);
                    batch.ForEach(w => w.Fail(exception));
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task CommitAsync(SqliteConnection connection, List<PendingWrite> batch)
    {
        await using var transaction = connection.BeginTransaction();
        var done = new List<PendingWrite>(batch.Count);
        foreach (var write in batch)
        {
            transaction.Save("w");
            try
            {
                await write.RunAsync(connection, transaction);
                transaction.Release("w");
                done.Add(write);
            }
            catch (Exception exception)
            {
                transaction.Rollback("w");
                transaction.Release("w");
                write.Fail(exception);
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        done.ForEach(w => w.Complete());
    }

    /// <summary>A write waiting for the writer loop: its work, then its outcome once the commit is known.</summary>
    private abstract class PendingWrite
    {
        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        /// <summary>True (and the caller told) when the caller gave up before the write ran.</summary>
        public abstract bool CancelIfRequested();

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Completion => _completion.Task;

        public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            _result = await write(connection, transaction);

        public override bool CancelIfRequested() =>
            cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Every file starts so. synchronous=NORMAL in WAL mode: a commit survives a crash of the process (the OS holds
    /// the WAL pages); only a power loss can take the last commits back. FULL would sync every commit to disk.
    /// </summary>
    public const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;

        """;

    /// <summary>The state file's tables.</summary>
    public const string StateSchema = Pragmas + """

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

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = _schemaSql;
        await command.ExecuteNonQueryAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A group commit of {Count} writes failed; each of them is refused")]
    private static partial void LogCommitFailed(ILogger logger, int count, Exception exception);
}

/// <summary>
/// The data folder and its database files hold people's data: readable by the platform's own user only (folder 0700,
/// files 0600). A folder or file the platform creates gets that mode; one that exists is tightened. SQLite gives its
/// journal files (<c>-wal</c>, <c>-shm</c>) the mode of the database file.
/// </summary>
internal static class OwnerOnly
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>False when a folder or file exists that the platform's user may not change the mode of (a volume of another owner).</summary>
    public static bool Prepare(string directory, string databaseFile)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return true;
        }

        Directory.CreateDirectory(directory, Folder);
        // An empty file is an empty SQLite database; created here, it never exists with a wider mode.
        using (new FileStream(databaseFile, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = File }))
        {
        }

        try
        {
            System.IO.File.SetUnixFileMode(directory, Folder);
            foreach (var path in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" }.Where(System.IO.File.Exists))
            {
                System.IO.File.SetUnixFileMode(path, File);
            }

            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
