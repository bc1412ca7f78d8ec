using Microsoft.Extensions.Options;
using Npgsql;
using Participatie.Abstractions.Clients;
using Participatie.Domain;
using Participatie.Domain.People;
using Participatie.Grains.Search;
using Participatie.Silo.Storage;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Storage;

/// <summary>
/// The client directory's stores — SQLite (Local), PostgreSQL (cluster, a real server) and memory (tests) — hold one
/// contract: the newest version of a row wins, every filter selects exactly its rows, and keyset pages walk the list
/// once in name order.
/// </summary>
public sealed class ClientDirectoryStoreTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 3, 20);
    private static readonly DateOnly ActiveSince = Today.AddDays(-28);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-directory-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase? _sqlite;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public Task SqliteKeepsTheNewestVersionOfARow() => NewestVersionWinsAsync(Sqlite());

    [PostgresFact]
    public async Task PostgresKeepsTheNewestVersionOfARow() => await NewestVersionWinsAsync(await PostgresAsync());

    [Fact]
    public Task MemoryKeepsTheNewestVersionOfARow() => NewestVersionWinsAsync(new InMemoryClientDirectoryStore());

    [Fact]
    public Task SqliteFiltersSelectExactlyTheirRows() => FiltersSelectExactlyTheirRowsAsync(Sqlite());

    [PostgresFact]
    public async Task PostgresFiltersSelectExactlyTheirRows() => await FiltersSelectExactlyTheirRowsAsync(await PostgresAsync());

    [Fact]
    public Task MemoryFiltersSelectExactlyTheirRows() => FiltersSelectExactlyTheirRowsAsync(new InMemoryClientDirectoryStore());

    [Fact]
    public Task SqlitePagesWalkTheListOnceInNameOrder() => PagesWalkTheListOnceInNameOrderAsync(Sqlite());

    [PostgresFact]
    public async Task PostgresPagesWalkTheListOnceInNameOrder() => await PagesWalkTheListOnceInNameOrderAsync(await PostgresAsync());

    [Fact]
    public Task MemoryPagesWalkTheListOnceInNameOrder() => PagesWalkTheListOnceInNameOrderAsync(new InMemoryClientDirectoryStore());

    private static async Task NewestVersionWinsAsync(IClientDirectoryStore store)
    {
        var id = Ids.NewClientId();
        var second = Row(id, "Sanne", "Jansen", version: 2);
        await store.UpsertAsync(second);

        await store.UpsertAsync(Row(id, "Oud", "Verouderd", version: 1));
        await store.UpsertAsync(Row(id, "Zelfde", "Versie", version: 2));
        Assert.Equal(second, await store.FindAsync(id));

        var anonymised = Row(id, "", "", version: 3) with { Anonymised = true, CoachId = null, CaseEndedOn = Today };
        await store.UpsertAsync(anonymised);
        await store.UpsertAsync(second);
        Assert.Equal(anonymised, await store.FindAsync(id));
        Assert.Null(await store.FindAsync(Ids.NewClientId()));
    }

    private static async Task FiltersSelectExactlyTheirRowsAsync(IClientDirectoryStore store)
    {
        var coach = Ids.NewCoachId();
        var wijk = "wk-filters-" + Guid.NewGuid().ToString("N")[..8];
        var jansen = Row(Ids.NewClientId(), "Sanne", "Jansen") with { CoachId = coach, NeighbourhoodId = wijk, TeamInvolvement = true, LastParticipationOn = Today };
        var janssen = Row(Ids.NewClientId(), "Kees", "Janssen") with { NeighbourhoodId = wijk, Segment = Segment.BeyondCut, LastParticipationOn = ActiveSince.AddDays(-1) };
        var celik = Row(Ids.NewClientId(), "Ayşe", "Çelik") with { CoachId = coach, NeighbourhoodId = wijk, LastParticipationOn = ActiveSince };
        var ended = Row(Ids.NewClientId(), "Piet", "Jansen") with { NeighbourhoodId = wijk, CaseEndedOn = Today };
        var anonymised = Row(Ids.NewClientId(), "", "") with { NeighbourhoodId = wijk, Anonymised = true, CaseEndedOn = Today };
        var elsewhere = Row(Ids.NewClientId(), "Sanne", "Jansen") with { CoachId = coach, TeamInvolvement = true };
        foreach (var row in new[] { jansen, janssen, celik, ended, anonymised, elsewhere })
        {
            await store.UpsertAsync(row);
        }

        var inWijk = Query() with { NeighbourhoodId = wijk };
        Assert.Equal([celik, jansen, janssen], await ListAsync(store, inWijk));
        Assert.Equal([celik, ended, jansen, janssen], await ListAsync(store, inWijk with { IncludeEndedCases = true }));
        Assert.Equal([celik, jansen], await ListAsync(store, inWijk with { CoachId = coach }));
        Assert.Equal([janssen], await ListAsync(store, inWijk with { Segment = Segment.BeyondCut }));
        Assert.Equal([jansen], await ListAsync(store, inWijk with { TeamInvolvedOnly = true }));
        Assert.Equal([celik, jansen], await ListAsync(store, inWijk with { Participation = ParticipationFilter.Active }));
        Assert.Equal([janssen], await ListAsync(store, inWijk with { Participation = ParticipationFilter.Inactive }));
        Assert.Equal([jansen, janssen], await ListAsync(store, inWijk with { NamePrefix = NameKeys.Fold("Jans") }));
        Assert.Equal([jansen], await ListAsync(store, inWijk with { NamePrefix = NameKeys.Fold("JANSEN, s") }));
        Assert.Equal([celik], await ListAsync(store, inWijk with { NamePrefix = NameKeys.Fold("celik ay") }));
        Assert.Empty(await ListAsync(store, inWijk with { NamePrefix = NameKeys.Fold("jansen sannes") }));
        // Two of the coach's people have the same name: their ids decide.
        Assert.Equal(new[] { jansen, elsewhere }.OrderBy(r => r.ClientId, StringComparer.Ordinal), await ListAsync(store, Query() with { CoachId = coach, NamePrefix = "jansen" }));
    }

    private static async Task PagesWalkTheListOnceInNameOrderAsync(IClientDirectoryStore store)
    {
        // Many people share a name, so the id decides between them, also across page boundaries.
        var wijk = "wk-pages-" + Guid.NewGuid().ToString("N")[..8];
        string[] families = ["de Vries", "Bakker", "Öztürk", "El Amrani", "Bakker", "van Dijk", "Ĳzerman"];
        var rows = Enumerable.Range(0, 61)
            .Select(i => Row(Ids.NewClientId(), i % 3 == 0 ? "Fatima" : "Ruud", families[i % families.Length]) with { NeighbourhoodId = wijk })
            .ToList();
        foreach (var row in rows)
        {
            await store.UpsertAsync(row);
        }

        var seen = new List<ClientDirectoryRow>();
        var query = Query() with { NeighbourhoodId = wijk, PageSize = 7 };
        while (true)
        {
            var page = await store.ListAsync(query, ActiveSince);
            seen.AddRange(page.Take(query.PageSize));
            if (page.Count <= query.PageSize)
            {
                break;
            }

            query = query with { After = new ClientListPosition(page[query.PageSize - 1].NameKey, page[query.PageSize - 1].ClientId) };
        }

        var expected = rows.OrderBy(r => r.NameKey, StringComparer.Ordinal).ThenBy(r => r.ClientId, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal("bakker fatima", seen[0].NameKey);
        Assert.Contains(seen, r => r.NameKey == "ijzerman ruud");
        Assert.Contains(seen, r => r.NameKey == "ozturk fatima");
    }

    private static async Task<List<ClientDirectoryRow>> ListAsync(IClientDirectoryStore store, ClientListQuery query) =>
        [.. await store.ListAsync(query, ActiveSince)];

    private static ClientListQuery Query() => new(null, null, null, ParticipationFilter.Any, null, false, false, null, 100);

    private static ClientDirectoryRow Row(string id, string given, string family, long version = 1) =>
        new(id, given, family, NameKeys.Of(family, given), "wk-elders", null, Segment.WithinCut, false, null, null, false, version);

    private SqliteClientDirectoryStore Sqlite()
    {
        _sqlite = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
        return new SqliteClientDirectoryStore(_sqlite);
    }

    private static async Task<PostgresClientDirectoryStore> PostgresAsync()
    {
        var server = await PostgresServer.Shared;
        return new PostgresClientDirectoryStore(NpgsqlDataSource.Create(await server.CreateDatabaseAsync("directory")));
    }
}
