using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Participatie.Silo.Storage;

/// <summary>
/// Reminders in the SQLite file, so they survive a restart of the <c>Local</c> profile. Range reads follow the
/// contract of <see cref="IReminderTable.ReadRows(uint, uint)"/>: the grain's uniform hash in (begin, end], wrapping
/// around when begin is not below end.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        QueryAsync("grain_id = $grain", command => command.Parameters.AddWithValue("$grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        QueryAsync(
            begin < end ? "grain_hash > $begin AND grain_hash <= $end" : "grain_hash > $begin OR grain_hash <= $end",
            command =>
            {
                command.Parameters.AddWithValue("$begin", (long)begin);
                command.Parameters.AddWithValue("$end", (long)end);
            });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await QueryAsync(
            "grain_id = $grain AND reminder_name = $name",
            command =>
            {
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
            });
        return rows.Reminders.FirstOrDefault();
    }

    public Task<string?> UpsertRow(ReminderEntry entry) =>
        database.WriteAsync<string?>(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO reminders (grain_id, reminder_name, grain_hash, start_at, period_ticks, etag)
                VALUES ($grain, $name, $hash, $start, $period, 1)
                ON CONFLICT (grain_id, reminder_name) DO UPDATE SET
                    start_at = excluded.start_at, period_ticks = excluded.period_ticks, etag = reminders.etag + 1
                RETURNING etag
                """;
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$period", entry.Period.Ticks);
            var etag = (long)(await command.ExecuteScalarAsync())!;
            return etag.ToString(CultureInfo.InvariantCulture);
        });

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM reminders WHERE grain_id = $grain AND reminder_name = $name AND etag = $etag";
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$etag", long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : -1);
            return await command.ExecuteNonQueryAsync() == 1;
        });

    public Task TestOnlyClearTable() =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM reminders";
            return await command.ExecuteNonQueryAsync();
        });

    private Task<ReminderTableData> QueryAsync(string where, Action<SqliteCommand> bind) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT grain_id, reminder_name, start_at, period_ticks, etag FROM reminders WHERE {where}";
            bind(command);
            await using var reader = await command.ExecuteReaderAsync();
            var entries = new List<ReminderEntry>();
            while (await reader.ReadAsync())
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                    Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                    ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
                });
            }

            return new ReminderTableData(entries);
        });
}
