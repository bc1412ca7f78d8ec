using System.Globalization;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Domain.Contracts;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Clients;

/// <summary>The person's record beside the contract: well-being, the contact journal and its last contact, outflow, earnings.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PersonRecordTests(ClusterFixture fixture)
{
    private static readonly DateOnly Day = Today.In(TimeProvider.System);

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task WellBeingIsRecordedByThePersonOrTheirCoachAndListedNewestFirst()
    {
        var (grain, person, coach) = await PersonWithCoachAsync();

        await grain.Record.RecordWellBeingAsync(person, new WellBeingCommand(4, "Slecht geslapen.", null));
        await grain.Record.RecordWellBeingAsync(coach, new WellBeingCommand(6, "", null));
        var latest = await grain.Record.RecordWellBeingAsync(person, new WellBeingCommand(7, "Beter!", null));
        var byTeam = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Record.RecordWellBeingAsync(new ContractActor(Party.Team, "team-member"), new WellBeingCommand(5, "", null)));
        var outOfRange = await Assert.ThrowsAsync<InvalidInputException>(() => grain.Record.RecordWellBeingAsync(person, new WellBeingCommand(11, "", null)));

        Assert.Equal(Reasons.NotYourPart, byTeam.Reason);
        Assert.Equal(nameof(WellBeingCommand.Score), Assert.Single(outOfRange.Errors).Field);
        Assert.Equal([7, 6, 4], (await grain.Record.ListWellBeingAsync(null, 10)).Select(w => w.Score));
        Assert.Equal([6], (await grain.Record.ListWellBeingAsync(3, 1)).Select(w => w.Score));
        Assert.Null((await grain.Record.ListWellBeingAsync(null, 10))[1].Note);
        var record = await grain.Record.GetPersonRecordAsync();
        Assert.Equal((latest, 3), (record.LatestWellBeing, record.WellBeingCheckIns));
    }

    [Fact]
    public async Task JournalContactsByTheCoachOrTheTeamSetTheLastContactAndAttemptsAndNotesDoNot()
    {
        var (grain, person, coach) = await PersonWithCoachAsync();
        var team = new ContractActor(Party.Team, "Fatima (wijkteam)");

        await grain.Record.AddJournalEntryAsync(coach, Entry(ContactType.Phone, -5, "Gebeld over de cursus."));
        await grain.Record.AddJournalEntryAsync(coach, Entry(ContactType.Attempt, 0, "Niet thuis."));
        Assert.Equal(Day.AddDays(-5), (await grain.Intake.GetAsync()).LastContactOn);
        var withoutConsent = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Record.AddJournalEntryAsync(team, Entry(ContactType.HomeVisit, -1, "Langs geweest.")));
        await grain.Rights.SetTeamInvolvementAsync(true);
        var visit = await grain.Record.AddJournalEntryAsync(team, Entry(ContactType.HomeVisit, -1, "Koffie gedronken, gaat goed."));
        await grain.Record.AddJournalEntryAsync(coach, Entry(ContactType.Note, 0, "Dossier bijgewerkt."));
        var byPerson = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Record.AddJournalEntryAsync(person, Entry(ContactType.Message, 0, "Hoi")));
        var future = await Assert.ThrowsAsync<InvalidInputException>(() => grain.Record.AddJournalEntryAsync(coach, Entry(ContactType.Phone, 1, "Morgen")));

        Assert.Equal(Day.AddDays(-1), (await grain.Intake.GetAsync()).LastContactOn);
        Assert.Equal((Party.Team, "Fatima (wijkteam)"), (visit.By, visit.AuthorId));
        Assert.Equal(Reasons.NotYourPart, byPerson.Reason);
        Assert.Equal(Reasons.NotYourPart, withoutConsent.Reason);
        Assert.Equal(nameof(JournalEntryCommand.ContactedOn), Assert.Single(future.Errors).Field);
        var page = await grain.Record.ListJournalAsync(null, 3);
        Assert.Equal([4L, 3L, 2L], page.Select(j => j.Sequence));
        Assert.Equal([ContactType.Phone], (await grain.Record.ListJournalAsync(2, 3)).Select(j => j.Type));
        Assert.Equal((Day.AddDays(-1), 4), ((await grain.Record.GetPersonRecordAsync()).LastContactOn, (await grain.Record.GetPersonRecordAsync()).JournalEntries));
    }

    [Fact]
    public async Task OutflowAndTheMonthlyEarningsShowInTheRecordWithoutBeingKeptTwice()
    {
        var (grain, person, coach) = await PersonWithCoachAsync();
        var lastMonth = Day.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await grain.Benefits.ReportEarningsAsync(new ReportEarningsCommand(lastMonth, 45000, 12, 0, false, "cl-self"));

        var outflow = await grain.Record.ReportOutflowAsync(person, new OutflowCommand(16, Iso(Day.AddDays(14))));
        var repeat = await grain.Record.ReportOutflowAsync(coach, new OutflowCommand(16, Iso(Day.AddDays(14))));
        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => grain.Record.ReportOutflowAsync(coach, new OutflowCommand(0, "volgende week")));

        Assert.Equal(outflow, repeat);
        Assert.Equal([nameof(OutflowCommand.HoursPerWeek), nameof(OutflowCommand.StartOn)], invalid.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        var record = await grain.Record.GetPersonRecordAsync();
        Assert.Equal((16, Day.AddDays(14), Party.Person), (Assert.Single(record.Outflows).HoursPerWeek, record.Outflows[0].StartOn, record.Outflows[0].By));
        var earnings = Assert.Single(record.RecentEarnings);
        Assert.Equal((45000L, 12), (earnings.NetEarningsCents, earnings.WorkHoursPerWeek));
        Assert.Null(record.LatestWellBeing);
        var export = (await grain.Rights.ExportAsync()).Contract;
        Assert.Equal(record.RecentEarnings, export.Earnings);
        Assert.Equal(record.Outflows, export.Outflows);
    }

    [Fact]
    public async Task AfterTheCaseEndsTheContractAndWellBeingNoLongerChange()
    {
        var (grain, person, _) = await PersonWithCoachAsync();
        await grain.Rights.EndCaseAsync(Day, "Werk gevonden");

        var goal = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Contract.ProposeGoalAsync(person, new ProposeGoalCommand(GoalDomain.Work, "Doorgroeien", Iso(Day.AddDays(30)), null)));
        var wellBeing = await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.Record.RecordWellBeingAsync(person, new WellBeingCommand(8, "", null)));

        Assert.Equal(Reasons.CaseEnded, goal.Reason);
        Assert.Equal(Reasons.CaseEnded, wellBeing.Reason);

        // Outflow is what ended the case: it can still be reported.
        Assert.Equal(32, (await grain.Record.ReportOutflowAsync(person, new OutflowCommand(32, Iso(Day)))).HoursPerWeek);
    }

    private static JournalEntryCommand Entry(ContactType type, int days, string note) => new(type, Iso(Day.AddDays(days)), note, null);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(PersonGrains Grain, ContractActor Person, ContractActor Coach)> PersonWithCoachAsync()
    {
        var (_, people) = await TestExperiments.PeopleAsync(_grains, 1);
        var coach = await CoachesFixture.NewCoachAsync(_grains);
        var grain = new PersonGrains(_grains, people[0]);
        await grain.Case.AssignCoachAsync(coach);
        return (grain, new ContractActor(Party.Person, people[0]), new ContractActor(Party.Coach, coach));
    }
}
