using System.Globalization;
using Participatie.Abstractions.Clients;
using Participatie.Domain.Contracts;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Clients;

/// <summary>
/// The person's grain behind its facets (intake, case, contract, record, benefits, rights): one grain class, so every
/// facet of a key is the same activation with the same record, and a change through any facet is one stored write.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClientFacetTests(ClusterFixture fixture)
{
    private static readonly DateOnly Day = Today.In(TimeProvider.System);

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task EveryFacetReachesTheOneActivationOfThePersonAndEachChangeIsOneWrite()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 1);
        var coach = await CoachesFixture.NewCoachAsync(_grains);
        var person = new PersonGrains(_grains, people[0]);
        var grainId = person.Intake.GetGrainId();
        var self = new ContractActor(Party.Person, people[0]);
        Assert.Equal((1, 1), CountingStorage.Of(grainId)); // activated once (one read), registered (one write)

        // One change through each facet; the grain's writes count each.
        var writes = new List<int>();
        async Task ChangeAsync(Func<Task> change)
        {
            await change();
            writes.Add(CountingStorage.Of(grainId).Writes);
        }

        await ChangeAsync(() => person.Case.AssignCoachAsync(coach));
        await ChangeAsync(() => person.Contract.ProposeGoalAsync(self, new ProposeGoalCommand(GoalDomain.Volunteering, "Twee ochtenden per week vrijwilligerswerk", Iso(Day.AddDays(30)), null)));
        await ChangeAsync(() => person.Record.RecordWellBeingAsync(self, new WellBeingCommand(7, "Beter!", null)));
        await ChangeAsync(() => person.Benefits.ReportEarningsAsync(new ReportEarningsCommand("2025-02", 50000, 12, 0, false, "person")));
        await ChangeAsync(() => person.Rights.SetTeamInvolvementAsync(true));
        await ChangeAsync(() => person.Intake.AssessAsync(null, "co-test"));

        Assert.Equal([2, 3, 4, 5, 6, 7], writes);

        // Each facet reads what the others changed: one record.
        Assert.Equal(coach, (await person.Intake.GetAsync()).CoachId);
        Assert.True((await person.Case.GetAccessFactsAsync()).TeamInvolvement);
        Assert.Single((await person.Contract.GetSocialContractAsync()).Goals);
        Assert.Equal(7, (await person.Record.GetPersonRecordAsync()).LatestWellBeing!.Score);
        Assert.Equal(2, (await person.Rights.ExportAsync()).Record.EstimateHistory.Count);

        // Still the one activation, in one silo: the state was read once.
        Assert.Equal(1, CountingStorage.Of(grainId).Reads);
        var activations = await _grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        Assert.Single(activations, a => a.GrainId == grainId);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
