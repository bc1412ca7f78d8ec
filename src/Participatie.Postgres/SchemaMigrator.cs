using Npgsql;

namespace Participatie.Postgres;

/// <summary>What happened to one script.</summary>
public enum ScriptOutcome
{
    /// <summary>Applied before with the same text: nothing to do.</summary>
    Current = 1,

    /// <summary>Never applied here: applied now.</summary>
    Applied = 2,

    /// <summary>Applied before with another text: the new text was applied (every script is idempotent).</summary>
    Updated = 3,

    /// <summary>Not applied yet (only reported by <see cref="SchemaMigrator.StatusAsync"/>).</summary>
    Pending = 4,
}

public sealed record ScriptResult(string Name, ScriptOutcome Outcome);

/// <summary>
/// Applies the schema scripts in name order, each in its own transaction, and records name and checksum in
/// <c>participatie_schema_migrations</c>. An advisory lock keeps two migrators (two silos, two deploy jobs) from
/// running at once; every script is idempotent, so running again is always safe.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Key of the session-level advisory lock held while migrating ("partcpt" as a number).</summary>
    private const long LockKey = 0x7061727463707400;

    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS participatie_schema_migrations (
            name       text        PRIMARY KEY,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    public static Task<IReadOnlyList<ScriptResult>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default) =>
        MigrateAsync(connectionString, appRole: null, cancellationToken);

    /// <summary>
    /// Applies the scripts, then, when <paramref name="appRole"/> is given, grants that role (which must exist, and
    /// must not own the tables) what the silos and gateways need: on the audit log only SELECT and INSERT
    /// (<c>participatie_grant_app_role</c> of deploy/postgres/007).
    /// </summary>
    public static async Task<IReadOnlyList<ScriptResult>> MigrateAsync(string connectionString, string? appRole, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", LockKey));
        try
        {
            await ExecuteAsync(connection, null, CreateHistory, cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            var results = new List<ScriptResult>();
            foreach (var script in SchemaScript.All)
            {
                var known = applied.TryGetValue(script.Name, out var checksum);
                if (known && checksum == script.Checksum)
                {
                    results.Add(new ScriptResult(script.Name, ScriptOutcome.Current));
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO participatie_schema_migrations (name, checksum, applied_at) VALUES (@name, @checksum, now())
                    ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, applied_at = excluded.applied_at
                    """,
                    cancellationToken,
                    ("name", script.Name),
                    ("checksum", script.Checksum));
                await transaction.CommitAsync(cancellationToken);
                results.Add(new ScriptResult(script.Name, known ? ScriptOutcome.Updated : ScriptOutcome.Applied));
            }

            if (appRole is not null)
            {
                await ExecuteAsync(connection, null, "SELECT participatie_grant_app_role(@role)", cancellationToken, ("role", appRole));
            }

            return results;
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", LockKey));
        }
    }

    /// <summary>Which scripts are current, changed or not applied yet; changes nothing.</summary>
    public static async Task<IReadOnlyList<ScriptResult>> StatusAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('participatie_schema_migrations') IS NOT NULL", connection);
        var applied = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!
            ? await AppliedAsync(connection, cancellationToken)
            : [];
        return SchemaScript.All
            .Select(script => new ScriptResult(
                script.Name,
                !applied.TryGetValue(script.Name, out var checksum) ? ScriptOutcome.Pending
                : checksum == script.Checksum ? ScriptOutcome.Current
                : ScriptOutcome.Updated))
            .ToList();
    }

    private static async Task<Dictionary<string, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT name, checksum FROM participatie_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
