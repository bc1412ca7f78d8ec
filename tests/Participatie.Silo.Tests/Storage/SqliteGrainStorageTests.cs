using Microsoft.Extensions.Options;
using Orleans.Storage;
using Participatie.Silo.Storage;

namespace Participatie.Silo.Tests.Storage;

/// <summary>
/// The SQLite grain storage: optimistic concurrency through the ETag, one row per state name and grain. Writes to the
/// embedded store are committed in groups: many concurrent writes share a transaction, each in a savepoint of its
/// own, so one that fails is undone alone and the others are stored.
/// </summary>
public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-storage-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase _database = null!;
    private SqliteGrainStorage _storage = null!;

    public Task InitializeAsync()
    {
        _database = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
        _storage = new SqliteGrainStorage(_database, new JsonGrainStateSerializer());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task AWriteWithAStaleETagFailsAndLeavesTheRowAsItWas()
    {
        var grain = GrainId.Create("client", "cl-0000000000000003");
        var first = new GrainState<Sample>(new Sample { Name = "one" });
        await _storage.WriteStateAsync("s", grain, first);
        var stale = new GrainState<Sample>(new Sample { Name = "stale" }) { ETag = first.ETag };
        first.State!.Name = "two";
        await _storage.WriteStateAsync("s", grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", grain, stale));

        var read = new GrainState<Sample>();
        await _storage.ReadStateAsync("s", grain, read);
        Assert.Equal("two", read.State!.Name);
        Assert.Equal(first.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task TwoFirstWritesOfTheSameRowCannotBothSucceed()
    {
        var grain = GrainId.Create("client", "cl-0000000000000004");
        await _storage.WriteStateAsync("s", grain, new GrainState<Sample>(new Sample { Name = "first" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", grain, new GrainState<Sample>(new Sample { Name = "second" })));
    }

    [Fact]
    public async Task StateNamesKeepTheirOwnRowsForTheSameKey()
    {
        var grain = GrainId.Create("x", "same-key");
        await _storage.WriteStateAsync("client-v1", grain, new GrainState<Sample>(new Sample { Name = "client" }));
        await _storage.WriteStateAsync("coach-v1", grain, new GrainState<Sample>(new Sample { Name = "coach" }));

        var client = new GrainState<Sample>();
        await _storage.ReadStateAsync("client-v1", grain, client);

        Assert.Equal("client", client.State!.Name);
    }

    [Fact]
    public async Task ClearingRemovesTheRow()
    {
        var grain = GrainId.Create("client", "cl-0000000000000005");
        var state = new GrainState<Sample>(new Sample { Name = "gone" });
        await _storage.WriteStateAsync("s", grain, state);

        await _storage.ClearStateAsync("s", grain, state);

        var read = new GrainState<Sample>();
        await _storage.ReadStateAsync("s", grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.State!.Name);
    }

    [Fact]
    public async Task ManyConcurrentWritesAreAllStoredAndEachKeepsItsOwnVersion()
    {
        var states = Enumerable.Range(0, 600)
            .Select(i => (Grain: GrainId.Create("client", $"cl-{i:D16}"), State: new GrainState<Sample>(new Sample { Name = $"first {i}" })))
            .ToList();
        await Task.WhenAll(states.Select(s => _storage.WriteStateAsync("s", s.Grain, s.State)));
        states.ForEach(s => s.State.State!.Name = s.State.State.Name!.Replace("first", "second", StringComparison.Ordinal));
        await Task.WhenAll(states.Select(s => _storage.WriteStateAsync("s", s.Grain, s.State)));

        foreach (var (grain, written) in states)
        {
            var read = new GrainState<Sample>();
            await _storage.ReadStateAsync("s", grain, read);
            Assert.Equal(written.State!.Name, read.State!.Name);
            Assert.StartsWith("second", read.State.Name, StringComparison.Ordinal);
            Assert.Equal("2", read.ETag);
        }
    }

    [Fact]
    public async Task AWriteThatFailsIsUndoneAloneWhileTheWritesCommittedWithItAreStored()
    {
        // Enough writes queued at once that the failing one shares its transaction with others.
        var failing = Enumerable.Range(0, 200).Select(i => i % 10 == 3).ToList();
        var writes = failing.Select((fails, i) => _database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO grain_state (state_name, grain_id, etag, payload, updated_at) VALUES ('t', $id, 1, x'00', 'now')";
            command.Parameters.AddWithValue("$id", $"row-{i}");
            await command.ExecuteNonQueryAsync();
            return fails ? throw new InvalidOperationException($"write {i} fails after its insert") : i;
        })).ToList();

        for (var i = 0; i < writes.Count; i++)
        {
            if (failing[i])
            {
                var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[i]);
                Assert.Contains($"write {i} ", failure.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(i, await writes[i]);
            }
        }

        var stored = await _database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT grain_id FROM grain_state WHERE state_name = 't'";
            await using var reader = await command.ExecuteReaderAsync();
            var ids = new HashSet<string>();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });
        Assert.Equal(failing.Select((fails, i) => (fails, i)).Where(x => !x.fails).Select(x => $"row-{x.i}").ToHashSet(), stored);
    }

    [Fact]
    public async Task AVersionConflictInAGroupFailsOnlyThatWrite()
    {
        var grain = GrainId.Create("client", "cl-0000000000000009");
        var current = new GrainState<Sample>(new Sample { Name = "one" });
        await _storage.WriteStateAsync("s", grain, current);
        var stale = new GrainState<Sample>(new Sample { Name = "stale" }) { ETag = "7" };
        var others = Enumerable.Range(0, 50).Select(i => (GrainId.Create("client", $"cl-{i + 100:D16}"), new GrainState<Sample>(new Sample { Name = $"n{i}" }))).ToList();

        var conflict = _storage.WriteStateAsync("s", grain, stale);
        var rest = others.Select(o => _storage.WriteStateAsync("s", o.Item1, o.Item2)).ToList();

        await Assert.ThrowsAsync<InconsistentStateException>(() => conflict);
        await Task.WhenAll(rest);
        var read = new GrainState<Sample>();
        await _storage.ReadStateAsync("s", grain, read);
        Assert.Equal("one", read.State!.Name);
        Assert.All(others, o => Assert.Equal("1", o.Item2.ETag));
    }

    [Fact]
    public async Task AClosedDatabaseRefusesNewWritesAfterStoringTheQueuedOnes()
    {
        var grain = GrainId.Create("client", "cl-0000000000000010");
        var queued = _storage.WriteStateAsync("s", grain, new GrainState<Sample>(new Sample { Name = "queued" }));
        await _database.DisposeAsync();
        await queued;

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _database.WriteAsync((_, _) => Task.FromResult(1)));

        await using var reopened = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
        var read = new GrainState<Sample>();
        await new SqliteGrainStorage(reopened, new JsonGrainStateSerializer()).ReadStateAsync("s", grain, read);
        Assert.Equal("queued", read.State!.Name);
        _database = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
    }

    public sealed class Sample
    {
        public string? Name { get; set; }
    }
}
