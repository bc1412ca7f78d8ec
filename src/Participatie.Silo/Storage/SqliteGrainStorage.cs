using System.Globalization;
using Orleans.Storage;

namespace Participatie.Silo.Storage;

/// <summary>
/// Grain state in the SQLite file. Rows are keyed by state name and grain id; the ETag is a row version, and a write
/// whose ETag does not match the stored one fails with <see cref="InconsistentStateException"/>, as Orleans expects.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, JsonGrainStateSerializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var row = await database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $state AND grain_id = $grain";
                command.Parameters.AddWithValue("$state", stateName);
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? (ETag: reader.GetInt64(0), Payload: (byte[])reader.GetValue(1))
                    : ((long ETag, byte[] Payload)?)null;
            },
            cancellationToken);

        if (row is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = serializer.Deserialize<T>(BinaryData.FromBytes(row.Value.Payload));
        grainState.ETag = row.Value.ETag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var expected = ParseETag(grainState.ETag);
        var next = await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.Parameters.AddWithValue("$state", stateName);
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$payload", payload);
                command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                if (expected is null)
                {
                    // First write: the row must not exist yet (another activation may have written it).
                    command.CommandText = """
                        INSERT INTO grain_state (state_name, grain_id, etag, payload, updated_at)
                        VALUES ($state, $grain, 1, $payload, $now)
                        ON CONFLICT (state_name, grain_id) DO NOTHING
                        """;
                    var inserted = await command.ExecuteNonQueryAsync(cancellationToken);
                    return inserted == 1 ? 1L : (long?)null;
                }

                command.CommandText = """
                    UPDATE grain_state SET etag = etag + 1, payload = $payload, updated_at = $now
                    WHERE state_name = $state AND grain_id = $grain AND etag = $etag
                    """;
                command.Parameters.AddWithValue("$etag", expected.Value);
                var updated = await command.ExecuteNonQueryAsync(cancellationToken);
                return updated == 1 ? expected.Value + 1 : (long?)null;
            },
            cancellationToken);

        if (next is null)
        {
            throw new InconsistentStateException(
                $"Version conflict writing {stateName} of {grainId}: the stored row changed since it was read.",
                "unknown",
                grainState.ETag ?? "none");
        }

        grainState.ETag = next.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var expected = ParseETag(grainState.ETag);
        var deleted = await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain AND ($etag IS NULL OR etag = $etag)";
                command.Parameters.AddWithValue("$state", stateName);
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$etag", expected is null ? DBNull.Value : expected.Value);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

        if (deleted == 0 && expected is not null)
        {
            throw new InconsistentStateException($"Version conflict clearing {stateName} of {grainId}.", "unknown", grainState.ETag ?? "none");
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static long? ParseETag(string? etag) =>
        etag is null ? null : long.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);
}
