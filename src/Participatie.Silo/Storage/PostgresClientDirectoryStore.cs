using Npgsql;
using NpgsqlTypes;
using Participatie.Abstractions.Clients;
using Participatie.Domain.People;
using Participatie.Grains.Search;

namespace Participatie.Silo.Storage;

/// <summary>The client directory of the PostgreSql profile: the <c>participatie_client_directory</c> table of deploy/postgres.</summary>
public sealed class PostgresClientDirectoryStore(NpgsqlDataSource dataSource) : IClientDirectoryStore
{
    private const string Table = "participatie_client_directory";

    public async Task UpsertAsync(ClientDirectoryRow row, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO {Table} ({ClientDirectorySql.Columns})
            VALUES (@client_id, @given_name, @family_name, @name_key, @neighbourhood_id, @coach_id, @segment, @team_involvement,
                    @case_ended_on, @last_participation_on, @anonymised, @version)
            ON CONFLICT (client_id) DO UPDATE SET
                given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name, name_key = EXCLUDED.name_key,
                neighbourhood_id = EXCLUDED.neighbourhood_id, coach_id = EXCLUDED.coach_id, segment = EXCLUDED.segment,
                team_involvement = EXCLUDED.team_involvement, case_ended_on = EXCLUDED.case_ended_on,
                last_participation_on = EXCLUDED.last_participation_on, anonymised = EXCLUDED.anonymised, version = EXCLUDED.version
            WHERE EXCLUDED.version > {Table}.version
            """);
        command.Parameters.AddWithValue("client_id", row.ClientId);
        command.Parameters.AddWithValue("given_name", row.GivenName);
        command.Parameters.AddWithValue("family_name", row.FamilyName);
        command.Parameters.AddWithValue("name_key", row.NameKey);
        command.Parameters.AddWithValue("neighbourhood_id", row.NeighbourhoodId);
        command.Parameters.Add(new NpgsqlParameter("coach_id", NpgsqlDbType.Text) { Value = (object?)row.CoachId ?? DBNull.Value });
        command.Parameters.AddWithValue("segment", (short)row.Segment);
        command.Parameters.AddWithValue("team_involvement", row.TeamInvolvement);
        command.Parameters.Add(new NpgsqlParameter("case_ended_on", NpgsqlDbType.Date) { Value = (object?)row.CaseEndedOn ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("last_participation_on", NpgsqlDbType.Date) { Value = (object?)row.LastParticipationOn ?? DBNull.Value });
        command.Parameters.AddWithValue("anonymised", row.Anonymised);
        command.Parameters.AddWithValue("version", row.Version);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClientDirectoryRow>> ListAsync(ClientListQuery query, DateOnly activeSince, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand();
        ClientDirectorySql.List(command, Table, query, activeSince, day => day);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<ClientDirectoryRow?> FindAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ClientDirectorySql.Columns} FROM {Table} WHERE client_id = @client_id");
        command.Parameters.AddWithValue("client_id", clientId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<ClientDirectoryRow>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ClientDirectoryRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ClientDirectoryRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                (Segment)reader.GetInt16(6),
                reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                reader.GetBoolean(10),
                reader.GetInt64(11)));
        }

        return rows;
    }
}
