using System.Globalization;
using Npgsql;
using Participatie.Postgres;
using Participatie.TestSupport;
using Xunit.Abstractions;

namespace Participatie.Cluster.Tests;

/// <summary>
/// The PostgreSql profile's backup as deploy/README.md documents it: <c>pg_dump</c> while the platform keeps writing,
/// <c>pg_restore</c> into a new PostgreSQL server, <c>db migrate</c>, and a silo with a new cluster id on the copy.
/// </summary>
public sealed class PostgresBackupTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task ADumpTakenUnderLoadRestoresIntoANewServerWithEveryWriteAcknowledgedBeforeItAndTheirAuditRecords()
    {
        var source = await PostgresServer.Shared;
        var sourceConnection = await source.CreateDatabaseAsync("backup");
        SeededPlatform seeded;
        WriteLoad load;
        TimeSpan dumpStarted, dumpEnded;
        string dump;
        await using (var silo = await StartSiloAsync(sourceConnection, "backup-source"))
        {
            seeded = await SeededPlatform.SeedAsync(silo.Channel, "wk-dump", coaches: 4, people: 120);
            load = new WriteLoad([silo.Channel], "wk-dump");
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(workers: 4, stop.Token);

            await load.AcknowledgedAsync(100, "100 registrations");
            dumpStarted = load.Now;
            dump = await source.DumpAsync(new NpgsqlConnectionStringBuilder(sourceConnection).Database!);
            dumpEnded = load.Now;
            await load.AcknowledgedAsync(20, "20 registrations after the dump", c => c.Start > dumpEnded);
            await stop.CancelAsync();
            await running;
        }

        // A new server: nothing of the old one but the dump.
        await using var target = await PostgresServer.StartAsync();
        var restoredConnection = await target.RestoreDumpAsync(dump, "restored");
        await SchemaMigrator.MigrateAsync(restoredConnection);
        var rows = await CountRowsAsync(restoredConnection);

        var before = load.Acknowledged.Where(c => c.End < dumpStarted).ToList();
        var during = load.Acknowledged.Where(c => c.End >= dumpStarted && c.Start <= dumpEnded).ToList();
        var after = load.Acknowledged.Where(c => c.Start > dumpEnded).ToList();
        await using var restored = await StartSiloAsync(restoredConnection, "backup-restored");

        // The audit log first: reading people back writes audit records of its own.
        var unaudited = await SeededPlatform.UnauditedRegistrationsAsync(restored.Channel, [.. seeded.CoachOf.Keys, .. before.Select(c => c.ClientId!)]);
        var differences = await seeded.DifferencesAsync(restored.Channel);
        var missing = await WriteLoad.MissingAsync(before, [restored.Channel]);
        var duringKept = 0;
        foreach (var call in during)
        {
            duringKept += await SeededPlatform.ExistsAsync(restored.Channel, call.ClientId!) ? 1 : 0;
        }

        var afterKept = 0;
        foreach (var call in after)
        {
            afterKept += await SeededPlatform.ExistsAsync(restored.Channel, call.ClientId!) ? 1 : 0;
        }

        var figures = string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL pg_dump under load (4 writers) restored into a new server: {rows}; {new FileInfo(dump).Length} bytes dumped; "
            + $"load writes acknowledged before the dump {before.Count}, during it {during.Count} ({duringKept} in the dump), after it {after.Count} ({afterKept} in the dump); "
            + $"read back after restore: {seeded.CoachOf.Count + before.Count - missing.Count}/{seeded.CoachOf.Count + before.Count} people, "
            + $"{seeded.CoachOf.Count + before.Count - unaudited.Count} registration audit records; dump took {(dumpEnded - dumpStarted).TotalSeconds:0.00} s");
        output.WriteLine(figures);
        Figures.Record(nameof(ADumpTakenUnderLoadRestoresIntoANewServerWithEveryWriteAcknowledgedBeforeItAndTheirAuditRecords), figures);

        Assert.Empty(differences);
        Assert.Empty(missing);
        Assert.Empty(unaudited);
        // A dump is one snapshot, taken when it started: nothing begun after it ended is in it.
        Assert.Equal(0, afterKept);
    }

    /// <summary>A silo in this process on the given database; the restored one gets a cluster id of its own, as the README says.</summary>
    private static Task<SiloHost> StartSiloAsync(string connectionString, string clusterId) =>
        SiloHost.StartAsync("PostgreSql", settings: new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
            ["Cluster:ClusterId"] = clusterId + "-" + Guid.NewGuid().ToString("N")[..6],
        });

    /// <summary>Rows of the tables that hold the platform's data, for the figures.</summary>
    private static async Task<string> CountRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var counts = new List<string>();
        foreach (var table in new[] { "orleans_storage", "orleans_reminders", "participatie_audit_log", "participatie_client_directory" })
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{table} {count}"));
        }

        return string.Join(", ", counts);
    }
}
