using Participatie.Abstractions.Clients;
using Participatie.Domain;
using Participatie.Domain.People;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Search;

/// <summary>
/// The client directory through the grains: every change of a person's record reaches their row, and the search grain
/// lists from the rows alone, page by page.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClientSearchTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private IClientSearchGrain Search => _grains.GetGrain<IClientSearchGrain>(ClientSearchKeys.Any);

    [Fact]
    public async Task TheDirectoryFollowsRegistrationAssignmentAssessmentConsentReleaseAndCaseEnd()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var coach = await CoachesFixture.NewCoachAsync(_grains);
        var id = Ids.NewClientId();
        var person = new PersonGrains(_grains, id);
        await person.Intake.RegisterAsync(TestModels.Intake(wijk) with { GivenName = "Ayşe", FamilyName = "Çelik" });
        var inWijk = Query() with { NeighbourhoodId = wijk };

        var registered = Assert.Single((await Search.ListAsync(inWijk)).Entries);
        Assert.Equal((id, "Ayşe", "Çelik", Segment.WithinCut, (string?)null, false), (registered.ClientId, registered.GivenName, registered.FamilyName, registered.Segment, registered.CoachId, registered.Active));

        await person.Case.AssignCoachAsync(coach);
        Assert.Equal(id, Assert.Single((await Search.ListAsync(Query() with { CoachId = coach })).Entries).ClientId);

        await person.Intake.AssessAsync(TestModels.FarFromWork(), "intake-test");
        Assert.Empty((await Search.ListAsync(inWijk with { Segment = Segment.WithinCut })).Entries);
        Assert.Single((await Search.ListAsync(inWijk with { Segment = Segment.BeyondCut, NamePrefix = NameKeys.Fold("CELIK") })).Entries);

        Assert.Empty((await Search.ListAsync(inWijk with { TeamInvolvedOnly = true })).Entries);
        await person.Rights.SetTeamInvolvementAsync(true);
        Assert.Single((await Search.ListAsync(inWijk with { TeamInvolvedOnly = true })).Entries);

        await person.Case.ReleaseCoachAsync(coach);
        Assert.Empty((await Search.ListAsync(Query() with { CoachId = coach })).Entries);

        var today = Today.In(TimeProvider.System);
        await person.Rights.EndCaseAsync(today, "Found work at the harbour");
        Assert.Empty((await Search.ListAsync(inWijk)).Entries);
        Assert.Equal(today, Assert.Single((await Search.ListAsync(inWijk with { IncludeEndedCases = true })).Entries).CaseEndedOn);
        Assert.Equal((await person.Case.GetCoachAssignmentAsync()).Version, (await ClusterFixture.Directory.FindAsync(id))!.Version);
    }

    [Fact]
    public async Task PagesCoverEveryoneOnceInNameOrder()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        string[] families = ["de Vries", "Bakker", "Öztürk", "El Amrani", "Bakker"];
        var registered = new List<(string Key, string Id)>();
        for (var i = 0; i < 11; i++)
        {
            var id = Ids.NewClientId();
            var given = i % 2 == 0 ? "Fatima" : "Ruud";
            await _grains.GetGrain<IClientGrain>(id).RegisterAsync(TestModels.Intake(wijk) with { GivenName = given, FamilyName = families[i % families.Length] });
            registered.Add((NameKeys.Of(families[i % families.Length], given), id));
        }

        var seen = new List<string>();
        var query = Query() with { NeighbourhoodId = wijk, PageSize = 3 };
        var pages = 0;
        do
        {
            var page = await Search.ListAsync(query);
            seen.AddRange(page.Entries.Select(e => e.ClientId));
            query = query with { After = page.Next };
            pages++;
        }
        while (query.After is not null);

        Assert.Equal(4, pages);
        Assert.Equal(registered.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id), seen);
    }

    [Fact]
    public async Task ARowTheDirectoryRefusedIsDeliveredLaterByTheOutbox()
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(_grains);
        var id = Ids.NewClientId();
        ClusterFixture.Directory.FailFor(id, times: 2);

        // The record is the truth: the intake succeeds, and its row follows when the directory takes it.
        await _grains.GetGrain<IClientGrain>(id).RegisterAsync(TestModels.Intake(wijk));

        await ClusterFixture.Directory.WhenReceivedAsync(id, versions => versions.Count > 0).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, ClusterFixture.Directory.FailuresLeft(id));
        Assert.Equal(id, Assert.Single((await Search.ListAsync(Query() with { NeighbourhoodId = wijk })).Entries).ClientId);
    }

    private static ClientListQuery Query() => new(null, null, null, ParticipationFilter.Any, null, false, false, null, 100);
}
