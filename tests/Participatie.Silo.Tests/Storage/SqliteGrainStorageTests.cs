using Microsoft.Extensions.Options;
using Orleans.Storage;
using Participatie.Silo.Storage;

namespace Participatie.Silo.Tests.Storage;

/// <summary>The SQLite grain storage: optimistic concurrency through the ETag, one row per state name and grain.</summary>
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

    public sealed class Sample
    {
        public string? Name { get; set; }
    }
}
