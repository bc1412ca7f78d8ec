using System.Globalization;
using Npgsql;
using Participatie.Gateway.Security.Audit;
using Participatie.Silo.Storage;
using Participatie.TestSupport;
using Xunit.Abstractions;

namespace Participatie.Silo.Tests.Storage;

/// <summary>
/// The PostgreSql profile's audit log: the application's role may only read and append it, and what the owner role
/// can still do to it (disable the triggers, change or delete records) <c>participatie audit verify</c> finds.
/// </summary>
public sealed class PostgresAuditChainTests(ITestOutputHelper output)
{
    private const int Records = 12;

    [PostgresFact]
    public async Task TheApplicationRoleAppendsAndReadsButCannotChangeDeleteTruncateOrDisableTheTriggers()
    {
        var server = await PostgresServer.Shared;
        var (_, app) = await server.CreateDatabaseWithRolesAsync("audit_role");
        await AppendAsync(app);

        var refused = new List<string>();
        foreach (var attempt in new[]
                 {
                     "UPDATE participatie_audit_log SET purpose = 'research' WHERE chain_sequence = 3",
                     "DELETE FROM participatie_audit_log WHERE chain_sequence = 3",
                     "TRUNCATE participatie_audit_log",
                     "ALTER TABLE participatie_audit_log DISABLE TRIGGER participatie_audit_log_no_change",
                     "SET session_replication_role = replica",
                     "DROP TABLE participatie_audit_log",
                 })
        {
            var exception = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, attempt));
            refused.Add($"{attempt}: {exception.SqlState} {exception.MessageText}");
        }

        refused.ForEach(output.WriteLine);
        // 42501: insufficient privilege; only the owner may ALTER or DROP the table (also 42501).
        Assert.All(refused, r => Assert.Contains(": 42501 ", r));
        var verify = await CliProcess.RunAsync("audit", "verify", "--connection", app);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"{Records} records in 1 chain(s) walked", verify.Output);
    }

    [PostgresFact]
    public async Task ARecordAlteredByTheOwnerRoleIsNamed()
    {
        var (owner, app) = await (await PostgresServer.Shared).CreateDatabaseWithRolesAsync("audit_alter");
        await AppendAsync(app);
        await ExecuteAsync(owner, """
            ALTER TABLE participatie_audit_log DISABLE TRIGGER participatie_audit_log_no_change;
            UPDATE participatie_audit_log SET client_id = 'cl-0000000000000099' WHERE chain_sequence = 8;
            ALTER TABLE participatie_audit_log ENABLE TRIGGER participatie_audit_log_no_change;
            """);

        var verify = await CliProcess.RunAsync("audit", "verify", "--connection", owner);

        output.WriteLine(verify.ToString());
        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("record 8 (log sequence 8): its content was altered", verify.Output);
    }

    [PostgresFact]
    public async Task RecordsDeletedByTheOwnerRoleAreNamed()
    {
        var (owner, app) = await (await PostgresServer.Shared).CreateDatabaseWithRolesAsync("audit_delete");
        await AppendAsync(app);
        await ExecuteAsync(owner, """
            ALTER TABLE participatie_audit_log DISABLE TRIGGER participatie_audit_log_no_change;
            DELETE FROM participatie_audit_log WHERE chain_sequence IN (2, 3);
            ALTER TABLE participatie_audit_log ENABLE TRIGGER participatie_audit_log_no_change;
            """);

        var verify = await CliProcess.RunAsync("audit", "verify", "--connection", app);

        output.WriteLine(verify.ToString());
        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("record 4 (log sequence 4): record 2 to 3 before it is missing (deleted)", verify.Output);
    }

    [PostgresFact]
    public async Task TwoProcessesAppendingAtOnceEachKeepAnUnbrokenChainOfTheirOwn()
    {
        var (_, app) = await (await PostgresServer.Shared).CreateDatabaseWithRolesAsync("audit_two");
        await using var source = NpgsqlDataSource.Create(app);
        var first = new PostgresAuditStore(source, TimeProvider.System);
        var second = new PostgresAuditStore(source, TimeProvider.System);

        await Task.WhenAll(
            Task.Run(() => AppendAsync(first, Records)),
            Task.Run(() => AppendAsync(second, Records)),
            Task.Run(() => AppendAsync(first, Records)));

        var verify = await CliProcess.RunAsync("audit", "verify", "--connection", app);
        output.WriteLine(verify.ToString());
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"{3 * Records} records in 2 chain(s) walked", verify.Output);
        Assert.Equal(2 * Records, (await first.ChainHeadAsync(CancellationToken.None))!.Sequence);
    }

    [PostgresFact]
    public async Task ATableFromBeforeTheChainKeepsItsRecordsUnchainedAndRefusesNewOnesWithoutAHash()
    {
        var server = await PostgresServer.Shared;
        var (owner, app) = await server.CreateDatabaseWithRolesAsync("audit_legacy");
        // A record as the previous version wrote it: made to look old by the owner, past the CHECK that refuses it now.
        await ExecuteAsync(owner, """
            ALTER TABLE participatie_audit_log DROP CONSTRAINT participatie_audit_log_chained;
            INSERT INTO participatie_audit_log (at, actor_role, actor_id, action, client_id, purpose, outcome)
            VALUES ('2026-01-05T10:00:00Z', 'coach', 'co-1', 'ClientService.GetClient', 'cl-0000000000000001', 'case_work', 'OK');
            """);
        await MigrateAgainAsync(owner, app);
        await AppendAsync(app);

        var unchained = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, """
            INSERT INTO participatie_audit_log (at, actor_role, actor_id, action, client_id, purpose, outcome)
            VALUES (now(), 'coach', 'co-1', 'ClientService.GetClient', 'cl-0000000000000001', 'case_work', 'OK')
            """));
        var verify = await CliProcess.RunAsync("audit", "verify", "--connection", app);

        output.WriteLine(verify.ToString());
        Assert.Equal(PostgresErrorCodes.CheckViolation, unchained.SqlState);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("1 record(s) from before the hash chain (log sequence up to 1) carry no hash", verify.Output);
    }

    [PostgresFact]
    public async Task AppendThroughputWithAndWithoutTheChainIsMeasured()
    {
        const int batches = 200, size = 32;
        var (owner, app) = await (await PostgresServer.Shared).CreateDatabaseWithRolesAsync("audit_figures");
        // The table as deploy/postgres/005 made it before the chain, beside the real one.
        await ExecuteAsync(owner, $"""
            CREATE TABLE audit_before_chain (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, actor_role text NOT NULL, actor_id text NOT NULL,
                action text NOT NULL, client_id text NOT NULL, purpose text NOT NULL, outcome text NOT NULL);
            CREATE INDEX ON audit_before_chain (client_id, sequence DESC);
            CREATE INDEX ON audit_before_chain (actor_id, sequence DESC);
            GRANT SELECT, INSERT ON audit_before_chain TO "{new NpgsqlConnectionStringBuilder(app).Username}";
            """);
        await using var source = NpgsqlDataSource.Create(app);
        var chained = new PostgresAuditStore(source, TimeProvider.System);
        var rates = new Dictionary<string, double> { ["plain"] = 0, ["chained"] = 0 };
        // Each way four times, alternating, the best of each (the machine's other load only ever slows a round
        // down): the statement as it was before the chain (seven columns, no hash) against the store as it is now.
        for (var round = 0; round < 4; round++)
        {
            rates["plain"] = Math.Max(rates["plain"], await RateAsync(batches, size, records => PlainInsertAsync(source, records)));
            rates["chained"] = Math.Max(rates["chained"], await RateAsync(batches, size, records => chained.AppendAsync(records, CancellationToken.None)));
        }

        var figures = string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL audit append, {batches} batches of {size} one after another: before the chain {rates["plain"]:0} records/s, chained {rates["chained"]:0} records/s ({rates["chained"] / rates["plain"]:P0})");
        output.WriteLine(figures);
        Figures.Record(nameof(AppendThroughputWithAndWithoutTheChainIsMeasured), figures);
        Assert.Equal(4 * batches * size, (await chained.ChainHeadAsync(CancellationToken.None))!.Sequence);
    }

    private static async Task<double> RateAsync(int batches, int size, Func<IReadOnlyList<AuditRecord>, Task> append)
    {
        var records = Enumerable.Range(1, size)
            .Select(i => new AuditRecord(0, DateTimeOffset.UtcNow, "coach", "co-1", "ClientService.GetClient", $"cl-{i:D16}", "case_work", "OK"))
            .ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < batches; i++)
        {
            await append(records);
        }

        return batches * size / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The INSERT the store made before the chain, into the table as it was.</summary>
    private static async Task PlainInsertAsync(NpgsqlDataSource source, IReadOnlyList<AuditRecord> records)
    {
        await using var command = source.CreateCommand("""
            INSERT INTO audit_before_chain (at, actor_role, actor_id, action, client_id, purpose, outcome)
            SELECT * FROM unnest(@at, @role, @actor, @action, @client, @purpose, @outcome)
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("at", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = [.. records.Select(r => r.At.UtcDateTime)] });
        foreach (var (name, values) in new[]
                 {
                     ("role", records.Select(r => r.ActorRole)), ("actor", records.Select(r => r.ActorId)), ("action", records.Select(r => r.Action)),
                     ("client", records.Select(r => r.ClientId)), ("purpose", records.Select(r => r.Purpose)), ("outcome", records.Select(r => r.Outcome)),
                 })
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>(name, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = [.. values] });
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs the migration again as a deploy does: the CHECK dropped above comes back, for new rows only.</summary>
    private static async Task MigrateAgainAsync(string owner, string app)
    {
        await ExecuteAsync(owner, "DELETE FROM participatie_schema_migrations WHERE name = '007_participatie_audit_chain.sql'");
        await Participatie.Postgres.SchemaMigrator.MigrateAsync(owner, new NpgsqlConnectionStringBuilder(app).Username);
    }

    private static async Task AppendAsync(string connectionString)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await AppendAsync(new PostgresAuditStore(source, TimeProvider.System), Records);
    }

    private static async Task AppendAsync(IAuditStore store, int count)
    {
        var start = DateTimeOffset.Parse("2026-03-02T09:00:00Z", CultureInfo.InvariantCulture);
        foreach (var batch in Enumerable.Range(1, count).Chunk(4))
        {
            await store.AppendAsync(
                [.. batch.Select(i => new AuditRecord(0, start.AddSeconds(i).AddTicks(i), "coach", "co-1", "ClientService.GetClient", $"cl-{i:D16}", "case_work", "OK"))],
                CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
