using Microsoft.Extensions.Options;
using Participatie.Silo.Storage;

namespace Participatie.Silo.Tests.Storage;

/// <summary>The SQLite reminder table against the IReminderTable contract.</summary>
public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-reminders-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase _database = null!;
    private SqliteReminderTable _table = null!;

    public Task InitializeAsync()
    {
        _database = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
        _table = new SqliteReminderTable(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task UpsertReadAndRemoveFollowTheETag()
    {
        var grain = GrainId.Create("coach", "co-0000000000000001");
        var etag = await _table.UpsertRow(Entry(grain, "check", TimeSpan.FromMinutes(10)));
        var updated = await _table.UpsertRow(Entry(grain, "check", TimeSpan.FromMinutes(20)));

        var row = await _table.ReadRow(grain, "check");

        Assert.NotEqual(etag, updated);
        Assert.Equal(TimeSpan.FromMinutes(20), row!.Period);
        Assert.Equal(updated, row.ETag);
        Assert.False(await _table.RemoveRow(grain, "check", etag!));
        Assert.True(await _table.RemoveRow(grain, "check", updated!));
        Assert.Null(await _table.ReadRow(grain, "check"));
    }

    [Fact]
    public async Task RangeReadsTakeHashesAboveBeginUpToEndAndWrapAround()
    {
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("client", $"cl-{i:D16}")).ToList();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "outbox", TimeSpan.FromMinutes(5)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var begin = hashes[10];
        var end = hashes[30];

        var inside = (await _table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order().ToList();
        var wrapped = (await _table.ReadRows(end, begin)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order().ToList();

        Assert.Equal(hashes.Where(h => h > begin && h <= end), inside);
        Assert.Equal(hashes.Where(h => h > end || h <= begin), wrapped);
        Assert.Equal(40, inside.Count + wrapped.Count);
    }

    [Fact]
    public async Task StartTimeAndPeriodSurviveTheRoundTrip()
    {
        var grain = GrainId.Create("client", "cl-0000000000000002");
        var start = new DateTime(2026, 3, 29, 1, 30, 15, DateTimeKind.Utc);
        await _table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "outbox", StartAt = start, Period = TimeSpan.FromSeconds(90) });

        var row = (await _table.ReadRows(grain)).Reminders.Single();

        Assert.Equal(start, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromSeconds(90), row.Period);
    }

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = DateTime.UtcNow, Period = period };
}
