using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;
using Participatie.Security.Audit;

namespace Participatie.Cli.Audit;

/// <summary>An audit log that <c>participatie audit verify</c> reads: a Local data folder's <c>audit.db</c> or the PostgreSQL table.</summary>
internal interface IAuditLogSource
{
    /// <summary>Where the log is, for the first line of the report (never a password).</summary>
    string Description { get; }

    /// <summary>Every chained record, grouped by chain and in chain order.</summary>
    IAsyncEnumerable<ChainedAuditRecord> ChainedAsync(CancellationToken cancellationToken);

    /// <summary>Records without a hash: how many, the last of them, and the first written after the chains began (there should be none).</summary>
    Task<UnchainedRecords> UnchainedAsync(CancellationToken cancellationToken);
}

/// <param name="Count">Records without a hash (from before the hash chain).</param>
/// <param name="LastSequence">The highest log sequence among them (0: none).</param>
/// <param name="FirstAmongChained">The first of them that comes after a chained record: added outside the platform; null when none.</param>
internal sealed record UnchainedRecords(long Count, long LastSequence, long? FirstAmongChained);

/// <summary>The Local profile's audit log, opened read-only: the silo may keep running.</summary>
internal sealed class SqliteAuditLogSource(string auditFile) : IAuditLogSource
{
    public string Description => auditFile;

    public async IAsyncEnumerable<ChainedAuditRecord> ChainedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (!await HasChainAsync(connection, cancellationToken))
        {
            yield break;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, chain_id, chain_sequence, format, at, actor_role, actor_id, on_behalf_of, action, client_id, purpose, outcome, previous_hash, hash
            FROM audit_log WHERE chain_id IS NOT NULL ORDER BY chain_id, chain_sequence
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ChainedAuditRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11),
                reader.IsDBNull(12) ? [] : (byte[])reader.GetValue(12), reader.IsDBNull(13) ? [] : (byte[])reader.GetValue(13));
        }
    }

    public async Task<UnchainedRecords> UnchainedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var chained = await HasChainAsync(connection, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = chained
            ? """
              SELECT count(*), coalesce(max(sequence), 0),
                     (SELECT min(sequence) FROM audit_log WHERE chain_id IS NULL AND sequence > (SELECT min(sequence) FROM audit_log WHERE chain_id IS NOT NULL))
              FROM audit_log WHERE chain_id IS NULL
              """
            : "SELECT count(*), coalesce(max(sequence), 0), NULL FROM audit_log";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new UnchainedRecords(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = auditFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>False for a file no silo of this version has opened yet: its records are all from before the chain.</summary>
    private static async Task<bool> HasChainAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'chain_id'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }
}

/// <summary>
/// The PostgreSql profile's audit log. The platform may keep appending: the walk is one query (one snapshot), and the
/// records appended meanwhile are chained ones it simply does not see.
/// </summary>
internal sealed class PostgresAuditLogSource(string connectionString) : IAuditLogSource
{
    public string Description
    {
        get
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            return $"database {target.Database ?? "(default)"} on {target.Host}:{target.Port} as {target.Username ?? "(default user)"}";
        }
    }

    public async IAsyncEnumerable<ChainedAuditRecord> ChainedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT sequence, chain_id, chain_sequence, format, at, actor_role, actor_id, on_behalf_of, action, client_id, purpose, outcome, previous_hash, hash
            FROM participatie_audit_log WHERE chain_id IS NOT NULL ORDER BY chain_id, chain_sequence
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ChainedAuditRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt16(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11),
                reader.IsDBNull(12) ? [] : (byte[])reader.GetValue(12), reader.IsDBNull(13) ? [] : (byte[])reader.GetValue(13));
        }
    }

    public async Task<UnchainedRecords> UnchainedAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT count(*), coalesce(max(sequence), 0),
                   (SELECT min(sequence) FROM participatie_audit_log
                    WHERE chain_id IS NULL AND sequence > (SELECT min(sequence) FROM participatie_audit_log WHERE chain_id IS NOT NULL))
            FROM participatie_audit_log WHERE chain_id IS NULL
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new UnchainedRecords(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
    }
}
