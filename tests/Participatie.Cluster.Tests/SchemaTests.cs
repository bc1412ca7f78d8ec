using Npgsql;
using NpgsqlTypes;
using Participatie.Postgres;
using Participatie.TestSupport;

namespace Participatie.Cluster.Tests;

/// <summary>Our PostgreSQL schema scripts: applied by the migrator, idempotent, and guarded against duplicate state rows.</summary>
public sealed class SchemaTests
{
    private static readonly string[] OrleansQueryKeys =
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey", "UpdateMembershipKey",
        "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [PostgresFact]
    public async Task MigratingAgainChangesNothingAndEveryScriptIsCurrent()
    {
        var server = await PostgresServer.Shared;
        var database = await server.CreateDatabaseAsync("schema");

        var again = await SchemaMigrator.MigrateAsync(database);
        var status = await SchemaMigrator.StatusAsync(database);

        Assert.Equal(SchemaScript.All.Select(s => s.Name), again.Select(r => r.Name));
        Assert.All(again, r => Assert.Equal(ScriptOutcome.Current, r.Outcome));
        Assert.All(status, r => Assert.Equal(ScriptOutcome.Current, r.Outcome));
        var keys = await QueryAsync(database, "SELECT querykey FROM orleansquery");
        Assert.Superset(OrleansQueryKeys.ToHashSet(), keys.ToHashSet());
    }

    [PostgresFact]
    public async Task MigratorsStartedTogetherOnAnEmptyDatabaseApplyEachScriptOnce()
    {
        var server = await PostgresServer.Shared;
        var name = "together_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server.AdminConnectionString, $"CREATE DATABASE {name}");
        var database = server.Connection(name);
        Assert.All(await SchemaMigrator.StatusAsync(database), r => Assert.Equal(ScriptOutcome.Pending, r.Outcome));

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SchemaMigrator.MigrateAsync(database)));

        // Whichever got the lock first applied everything; the others found it current.
        Assert.All(SchemaScript.All, script => Assert.Equal(1, runs.Count(run => run.Single(r => r.Name == script.Name).Outcome == ScriptOutcome.Applied)));
        Assert.Equal(SchemaScript.All.Count, (await QueryAsync(database, "SELECT name FROM participatie_schema_migrations")).Count);
    }

    [PostgresFact]
    public async Task TwoRacingFirstWritesOfOneGrainStateLeaveOneRowAndTheLoserGetsAConflict()
    {
        var server = await PostgresServer.Shared;
        var database = await server.CreateDatabaseAsync("duplicates");
        var write = (await QueryAsync(database, "SELECT querytext FROM orleansquery WHERE querykey = 'WriteToStorageKey'")).Single();

        // The first writer holds its transaction open; the second, with the same "no row yet" expectation, waits on it.
        await using var first = new NpgsqlConnection(database);
        await first.OpenAsync();
        await using var transaction = await first.BeginTransactionAsync();
        Assert.Equal(1, await WriteAsync(first, transaction, write, "first"));
        var second = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            return await WriteAsync(connection, null, write, "second");
        });
        await Task.Delay(500);
        Assert.False(second.IsCompleted);
        await transaction.CommitAsync();

        Assert.Null(await second);
        Assert.Equal(["1"], await QueryAsync(database, "SELECT count(*)::text FROM orleans_storage"));
        Assert.Equal(["first"], await QueryAsync(database, "SELECT convert_from(payload_binary, 'UTF8') FROM orleans_storage"));
    }

    /// <summary>A first write (no stored version yet) of the state "client-v1" of one grain, as the Orleans provider sends it.</summary>
    private static async Task<int?> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string payload)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("ServiceId", NpgsqlDbType.Text, "participatie");
        command.Parameters.AddWithValue("GrainTypeString", NpgsqlDbType.Text, "client-v1");
        command.Parameters.AddWithValue("GrainIdN0", NpgsqlDbType.Bigint, 0L);
        command.Parameters.AddWithValue("GrainIdN1", NpgsqlDbType.Bigint, 0L);
        command.Parameters.AddWithValue("GrainIdExtensionString", NpgsqlDbType.Text, "client/cl-0000000000000001");
        command.Parameters.AddWithValue("GrainTypeHash", NpgsqlDbType.Integer, 11);
        command.Parameters.AddWithValue("GrainIdHash", NpgsqlDbType.Integer, 22);
        command.Parameters.AddWithValue("PayloadBinary", NpgsqlDbType.Bytea, System.Text.Encoding.UTF8.GetBytes(payload));
        command.Parameters.AddWithValue("GrainStateVersion", NpgsqlDbType.Integer, DBNull.Value);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? null : Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
