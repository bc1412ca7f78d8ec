using System.Globalization;
using Microsoft.Data.Sqlite;
using Participatie.Abstractions.Clients;
using Participatie.Domain.People;
using Participatie.Grains.Search;

namespace Participatie.Silo.Storage;

/// <summary>The client directory of the Local profile: the <c>client_directory</c> table of the SQLite file.</summary>
public sealed class SqliteClientDirectoryStore(SqliteDatabase database) : IClientDirectoryStore
{
    public Task UpsertAsync(ClientDirectoryRow row, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO client_directory ({ClientDirectorySql.Columns})
                VALUES (@client_id, @given_name, @family_name, @name_key, @neighbourhood_id, @coach_id, @segment, @team_involvement,
                        @case_ended_on, @last_participation_on, @anonymised, @version)
                ON CONFLICT (client_id) DO UPDATE SET
                    given_name = excluded.given_name, family_name = excluded.family_name, name_key = excluded.name_key,
                    neighbourhood_id = excluded.neighbourhood_id, coach_id = excluded.coach_id, segment = excluded.segment,
                    team_involvement = excluded.team_involvement, case_ended_on = excluded.case_ended_on,
                    last_participation_on = excluded.last_participation_on, anonymised = excluded.anonymised, version = excluded.version
                WHERE excluded.version > client_directory.version
                """;
            command.Parameters.AddWithValue("@client_id", row.ClientId);
            command.Parameters.AddWithValue("@given_name", row.GivenName);
            command.Parameters.AddWithValue("@family_name", row.FamilyName);
            command.Parameters.AddWithValue("@name_key", row.NameKey);
            command.Parameters.AddWithValue("@neighbourhood_id", row.NeighbourhoodId);
            command.Parameters.AddWithValue("@coach_id", (object?)row.CoachId ?? DBNull.Value);
            command.Parameters.AddWithValue("@segment", (int)row.Segment);
            command.Parameters.AddWithValue("@team_involvement", row.TeamInvolvement);
            command.Parameters.AddWithValue("@case_ended_on", Date(row.CaseEndedOn));
            command.Parameters.AddWithValue("@last_participation_on", Date(row.LastParticipationOn));
            command.Parameters.AddWithValue("@anonymised", row.Anonymised);
            command.Parameters.AddWithValue("@version", row.Version);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<ClientDirectoryRow>> ListAsync(ClientListQuery query, DateOnly activeSince, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ClientDirectoryRow>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            ClientDirectorySql.List(command, "client_directory", query, activeSince, day => Date(day));
            return await ReadAsync(command, cancellationToken);
        }, cancellationToken);

    public Task<ClientDirectoryRow?> FindAsync(string clientId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {ClientDirectorySql.Columns} FROM client_directory WHERE client_id = @client_id";
            command.Parameters.AddWithValue("@client_id", clientId);
            return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    /// <summary>Dates as ISO text, which sorts as the dates do.</summary>
    private static object Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? (object)DBNull.Value;

    private static async Task<List<ClientDirectoryRow>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
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
                (Segment)reader.GetInt32(6),
                reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : DateOnly.ParseExact(reader.GetString(8), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.IsDBNull(9) ? null : DateOnly.ParseExact(reader.GetString(9), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetBoolean(10),
                reader.GetInt64(11)));
        }

        return rows;
    }
}
