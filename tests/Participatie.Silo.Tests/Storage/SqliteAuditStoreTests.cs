using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Participatie.Gateway.Security.Audit;
using Participatie.Silo.Storage;

namespace Participatie.Silo.Tests.Storage;

/// <summary>
/// The Local profile's audit log has a file of its own. Records written while it lived in the state file are copied
/// over once, with their sequence numbers, and the log goes on after them.
/// </summary>
public sealed class SqliteAuditStoreTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-audit-" + Guid.NewGuid().ToString("N"));
    private readonly List<IAsyncDisposable> _open = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var open in _open)
        {
            await open.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task RecordsOfTheStateFileAreCopiedOnceWithTheirSequenceAndTheLogGoesOnAfterThem()
    {
        // A state file as an earlier version left it: the audit log in it, with a gap in the sequence.
        var state = Open();
        await state.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                CREATE TABLE audit_log (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor_role TEXT NOT NULL, actor_id TEXT NOT NULL,
                    action TEXT NOT NULL, client_id TEXT NOT NULL, purpose TEXT NOT NULL, outcome TEXT NOT NULL);
                INSERT INTO audit_log VALUES (1, '2026-01-05T10:00:00.0000000Z', 'coach', 'co-1', 'ClientService.GetClient', 'cl-0000000000000001', 'case_work', 'OK');
                INSERT INTO audit_log VALUES (2, '2026-01-05T10:01:00.0000000Z', 'coach', 'co-1', 'ClientService.GetClient', 'cl-0000000000000002', 'case_work', 'OK');
                INSERT INTO audit_log VALUES (7, '2026-01-06T09:00:00.0000000Z', 'person', 'cl-0000000000000001', 'ClientService.GetClient', 'cl-0000000000000001', 'own_record', 'OK');
                """;
            await command.ExecuteNonQueryAsync();
            return true;
        });

        var store = new SqliteAuditStore(OpenAudit(), state);
        await store.AppendAsync([new AuditRecord(0, DateTimeOffset.Parse("2026-02-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "coach", "co-2", "ClientService.GetClient", "cl-0000000000000001", "case_work", "OK")], CancellationToken.None);

        var first = await store.QueryAsync(new AuditQuery("cl-0000000000000001", null, null, null, null, 10), CancellationToken.None);
        Assert.Equal([8L, 7L, 1L], first.Select(r => r.Sequence));
        Assert.Equal(["co-2", "cl-0000000000000001", "co-1"], first.Select(r => r.ActorId));

        // A second start copies nothing again.
        var again = new SqliteAuditStore(OpenAudit(), state);
        var all = await again.QueryAsync(new AuditQuery(null, null, null, null, null, 10), CancellationToken.None);
        Assert.Equal([8L, 7L, 2L, 1L], all.Select(r => r.Sequence));
    }

    [Fact]
    public async Task AFreshDataFolderHasTheLogInItsOwnFileOnly()
    {
        var state = Open();
        var store = new SqliteAuditStore(OpenAudit(), state);
        await store.AppendAsync([new AuditRecord(0, DateTimeOffset.UnixEpoch, "admin", "ad-1", "AdminService.ExportPersonData", "cl-0000000000000003", "administration", "OK")], CancellationToken.None);

        Assert.Single(await store.QueryAsync(new AuditQuery(null, null, null, null, null, 10), CancellationToken.None));
        var tables = await state.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'";
            return (long)(await command.ExecuteScalarAsync())!;
        });
        Assert.Equal(0, tables);
        Assert.True(File.Exists(Path.Combine(_data, SqliteAuditDatabase.FileName)));
    }

    private SqliteDatabase Open()
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
        _open.Add(database);
        return database;
    }

    private SqliteAuditDatabase OpenAudit()
    {
        var audit = new SqliteAuditDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
        _open.Add(audit);
        return audit;
    }
}
