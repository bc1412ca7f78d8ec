using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Participatie.Cli.Backup;

/// <summary>A backup or restore that cannot go on; its message is one line that says what to do.</summary>
internal sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Backups of the <c>Local</c> profile's data folder: the state file and the audit log, copied online with SQLite's
/// backup API while the silo keeps writing, and put back into a data folder by a restore that checks them first.
/// </summary>
/// <remarks>
/// Each file is copied in one step of <c>sqlite3_backup</c>, inside one read transaction: a snapshot of that file as of
/// one commit, while the silo's writers go on appending to the write-ahead log. The two files are two snapshots, the
/// state file's first and the audit log's after it, so the audit log in a backup is never older than the state it
/// audits: an audit record is stored no later than the change it records, so every change in the state snapshot has
/// its record in the later audit snapshot. The other order could keep a change and lose its record. See src/README.md,
/// Decisions.
/// </remarks>
internal static class LocalBackup
{
    /// <summary>Grain state, reminders, the client directory. Without it there is nothing to back up.</summary>
    public const string StateFile = "participatie.db";

    /// <summary>The audit log. A data folder from before the log had a file of its own keeps it in the state file.</summary>
    public const string AuditFile = "audit.db";

    /// <summary>The copy order: state first, then its audit log (see the remarks).</summary>
    public static readonly IReadOnlyList<string> Files = [StateFile, AuditFile];

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Copies the data folder's database files into <paramref name="backupFolder"/> (new or empty) and writes the manifest last.</summary>
    public static async Task<BackupManifest> BackupAsync(string dataFolder, string backupFolder, CancellationToken cancellationToken)
    {
        dataFolder = Path.GetFullPath(dataFolder);
        backupFolder = Path.GetFullPath(backupFolder);
        if (!File.Exists(Path.Combine(dataFolder, StateFile)))
        {
            throw new BackupException($"no {StateFile} in {dataFolder}: pass the silo's Storage:DataDirectory with --data");
        }

        if (Directory.Exists(backupFolder) && Directory.EnumerateFileSystemEntries(backupFolder).Any())
        {
            throw new BackupException($"{backupFolder} is not empty: a backup goes into a new folder");
        }

        CreateOwnerOnlyFolder(backupFolder);
        var created = new List<string>();
        try
        {
            var startedAt = DateTimeOffset.UtcNow;
            var files = new List<BackupFile>();
            foreach (var name in Files)
            {
                var source = Path.Combine(dataFolder, name);
                if (name != StateFile && !File.Exists(source))
                {
                    continue;
                }

                var copy = Path.Combine(backupFolder, name);
                created.Add(copy);
                CopyOnline(source, copy);
                files.Add(await DescribeAsync(copy, cancellationToken));
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, startedAt, DateTimeOffset.UtcNow, dataFolder, files);
            var temporary = Path.Combine(backupFolder, BackupManifest.FileName + ".partial");
            created.Add(temporary);
            await WriteOwnerOnlyAsync(temporary, manifest.ToJson(), cancellationToken);
            File.Move(temporary, Path.Combine(backupFolder, BackupManifest.FileName));
            return manifest;
        }
        catch
        {
            // A folder without its manifest is no backup; leave nothing behind that looks like part of one.
            created.ForEach(DeleteDatabaseFile);
            throw;
        }
    }

    /// <summary>
    /// Checks a backup (manifest, sizes, checksums, integrity, row counts) and puts its files into
    /// <paramref name="dataFolder"/>. A data folder with anything in it is refused unless <paramref name="replace"/>, and
    /// then only when no process has its database files open.
    /// </summary>
    public static async Task<BackupManifest> RestoreAsync(string backupFolder, string dataFolder, bool replace, CancellationToken cancellationToken)
    {
        backupFolder = Path.GetFullPath(backupFolder);
        dataFolder = Path.GetFullPath(dataFolder);
        var manifest = await ReadManifestAsync(backupFolder, cancellationToken);
        foreach (var file in manifest.Files)
        {
            await VerifyAsync(Path.Combine(backupFolder, file.Name), file, "the backup's", cancellationToken);
        }

        if (Directory.Exists(dataFolder) && Directory.EnumerateFileSystemEntries(dataFolder).Any())
        {
            if (!replace)
            {
                throw new BackupException($"{dataFolder} is not empty: restore into a new folder, or pass --force to replace its database files");
            }

            foreach (var name in Files.Where(n => File.Exists(Path.Combine(dataFolder, n))))
            {
                ThrowIfInUse(Path.Combine(dataFolder, name));
            }
        }

        CreateOwnerOnlyFolder(dataFolder);

        // Copy everything beside its place and check the copies; only then replace, so a failure leaves the folder as it was.
        var staged = new List<(string Staged, string Target)>();
        try
        {
            foreach (var file in manifest.Files)
            {
                var target = Path.Combine(dataFolder, file.Name);
                var stage = target + ".restoring";
                DeleteDatabaseFile(stage);
                staged.Add((stage, target));
                await CopyOwnerOnlyAsync(Path.Combine(backupFolder, file.Name), stage, cancellationToken);
                await VerifyAsync(stage, file, "the restored", cancellationToken);
            }
        }
        catch
        {
            staged.ForEach(s => DeleteDatabaseFile(s.Staged));
            throw;
        }

        // A data folder's files belong together: an audit log the backup does not have must not stay beside its state.
        foreach (var name in Files)
        {
            DeleteDatabaseFile(Path.Combine(dataFolder, name));
        }

        foreach (var (stage, target) in staged)
        {
            File.Move(stage, target);
        }

        return manifest;
    }

    /// <summary>The manifest of a backup folder, or a failure that says why the folder is not a backup.</summary>
    public static async Task<BackupManifest> ReadManifestAsync(string backupFolder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(backupFolder, BackupManifest.FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"no {BackupManifest.FileName} in {backupFolder}: not a backup made by `participatie backup`, or one that did not finish");
        }

        var manifest = BackupManifest.FromJson(await File.ReadAllTextAsync(path, cancellationToken))
            ?? throw new BackupException($"{path} is not a backup manifest");
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new BackupException($"{path} has format {manifest.Format}; this version of participatie restores format {BackupManifest.CurrentFormat}");
        }

        if (manifest.Files.All(f => f.Name != StateFile) || manifest.Files.Any(f => !Files.Contains(f.Name)))
        {
            throw new BackupException($"{path} must list {StateFile} (and may list {AuditFile}), and nothing else");
        }

        return manifest;
    }

    /// <summary>
    /// One consistent copy of a live database: SQLite's online backup, all pages in one step (one read transaction), into
    /// a new file readable by its owner only, turned into a single self-contained file (rollback journal, no WAL).
    /// </summary>
    private static void CopyOnline(string source, string copy)
    {
        // SQLite writes into the file it finds: created here, so it is 0600 from its first byte.
        using (new FileStream(copy, OwnerOnlyOptions(FileMode.CreateNew, FileAccess.Write)))
        {
        }

        using (var from = Open(source, SqliteOpenMode.ReadWrite))
        using (var to = Open(copy, SqliteOpenMode.ReadWrite))
        {
            from.BackupDatabase(to);
            using var command = to.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Size, checksum, integrity and rows per table of a copy.</summary>
    private static async Task<BackupFile> DescribeAsync(string path, CancellationToken cancellationToken)
    {
        var (rows, lastSequence) = Inspect(path);
        return new BackupFile(Path.GetFileName(path), new FileInfo(path).Length, await Sha256Async(path, cancellationToken), rows, lastSequence);
    }

    /// <summary>Checks a file against the manifest's entry: size, checksum, SQLite's integrity check, rows per table.</summary>
    private static async Task VerifyAsync(string path, BackupFile expected, string which, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new BackupException($"{which} {expected.Name} is missing ({path})");
        }

        var bytes = new FileInfo(path).Length;
        if (bytes != expected.Bytes)
        {
            throw new BackupException($"{which} {expected.Name} has {bytes} bytes, the manifest says {expected.Bytes}: the backup is damaged");
        }

        if (await Sha256Async(path, cancellationToken) != expected.Sha256)
        {
            throw new BackupException($"{which} {expected.Name} does not match its checksum in the manifest: the backup is damaged");
        }

        var (rows, lastSequence) = Inspect(path);
        var differing = expected.Rows.Where(r => rows.GetValueOrDefault(r.Key, -1) != r.Value).Select(r => r.Key).ToList();
        if (differing.Count > 0 || lastSequence != expected.LastAuditSequence)
        {
            throw new BackupException($"{which} {expected.Name} does not hold the rows its manifest lists ({string.Join(", ", differing.DefaultIfEmpty("audit sequence"))})");
        }
    }

    /// <summary>Runs SQLite's integrity check and counts the rows of every table; opens the file read-only.</summary>
    private static (Dictionary<string, long> Rows, long? LastAuditSequence) Inspect(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        var check = Scalar(connection, "PRAGMA integrity_check") as string;
        if (check != "ok")
        {
            throw new BackupException($"{path} fails SQLite's integrity check: {check}");
        }

        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = tables.ToDictionary(t => t, t => Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM \"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\""), CultureInfo.InvariantCulture));
        long? lastSequence = Path.GetFileName(path).StartsWith(AuditFile, StringComparison.Ordinal) && tables.Contains("audit_log")
            ? Convert.ToInt64(Scalar(connection, "SELECT coalesce(max(sequence), 0) FROM audit_log"), CultureInfo.InvariantCulture)
            : null;
        return (rows, lastSequence);
    }

    /// <summary>
    /// Refuses a database file that another process has open. A connection to a WAL database holds a shared lock on
    /// the file for as long as it is open; exclusive locking mode needs the file to itself, so it fails while a silo runs.
    /// </summary>
    private static void ThrowIfInUse(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadWrite, timeoutSeconds: 1);
            Scalar(connection, "PRAGMA locking_mode = EXCLUSIVE");
            Scalar(connection, "SELECT count(*) FROM sqlite_master");
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 5 or 6)
        {
            throw new BackupException($"{path} is open in another process: stop the silo that uses {Path.GetDirectoryName(path)} before restoring over it");
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode, int timeoutSeconds = 30)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static async Task CopyOwnerOnlyAsync(string source, string target, CancellationToken cancellationToken)
    {
        await using var from = File.OpenRead(source);
        await using var to = new FileStream(target, OwnerOnlyOptions(FileMode.CreateNew, FileAccess.Write));
        await from.CopyToAsync(to, cancellationToken);
        to.Flush(flushToDisk: true);
    }

    private static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, OwnerOnlyOptions(FileMode.CreateNew, FileAccess.Write));
        await using (var writer = new StreamWriter(stream, leaveOpen: true))
        {
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        }

        stream.Flush(flushToDisk: true);
    }

    private static FileStreamOptions OwnerOnlyOptions(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }

    private static void CreateOwnerOnlyFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnlyFolder);
        // An existing (empty) folder keeps the mode it had; people's data goes only into a folder of its owner.
        File.SetUnixFileMode(path, OwnerOnlyFolder);
    }

    /// <summary>Removes a database file and the journal files SQLite may keep beside it.</summary>
    private static void DeleteDatabaseFile(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}
