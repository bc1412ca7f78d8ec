using Participatie.Domain.Contracts;

namespace Participatie.Domain.Tests.Contracts;

/// <summary>Every addition to the person's record and every refusal, decided without a silo on a fixed clock.</summary>
public sealed class PersonRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly Actor Person = new(Party.Person, "cl-anna");
    private static readonly Actor Coach = new(Party.Coach, "co-sanne");
    private static readonly Actor Team = new(Party.Team, "Fatima (wijkteam)");
    private static readonly Parties WithTeam = new(Person.Id, Coach.Id, TeamInvolved: true);

    [Fact]
    public void ThePersonOrTheirCoachRecordsWellBeingAsTheNextCheckInAndTheTeamDoesNot()
    {
        var record = Record(wellBeing: [CheckIn(1, "a")]);

        var checkIn = record.RecordWellBeing(Person, new RecordWellBeing(7, "Beter!", null), Now);
        var byTeam = record.RecordWellBeing(Team, new RecordWellBeing(7, null, null), Now);
        var byAnotherCoach = record.RecordWellBeing(Coach with { Id = "co-other" }, new RecordWellBeing(7, null, null), Now);

        Assert.Equal(new WellBeingCheckIn(2, 7, "Beter!", Party.Person, Now, null, "7\u001fBeter!\u001fPerson"), checkIn.Item);
        Assert.True(checkIn.Changed);
        Assert.Equal((ContractRefusal.NotYourPart, "a team cannot record well-being on this record"), (byTeam.Refusal?.Code, byTeam.Refusal?.Message));
        Assert.Equal(ContractRefusal.NotInCaseload, byAnotherCoach.Refusal?.Code);
        Assert.True(record.RecordWellBeing(Coach, new RecordWellBeing(6, null, null), Now).Changed);
    }

    [Fact]
    public void ACheckInSentAgainWithItsKeyIsTheSameCheckInAndAKeyReusedForAnotherIsAConflict()
    {
        var request = new RecordWellBeing(4, "Slecht geslapen.", "app-1");
        var first = Record().RecordWellBeing(Person, request, Now).Item!;
        var record = Record(wellBeing: [first]);

        var repeat = record.RecordWellBeing(Person, request, Now.AddMinutes(1));
        var reused = record.RecordWellBeing(Person, request with { Score = 5 }, Now);

        Assert.Equal((first, false), (repeat.Item, repeat.Changed));
        Assert.Equal((ContractRefusal.RequestReused, ("well_being", "app-1")), (reused.Refusal?.Code, reused.Refusal?.Holder));
    }

    [Fact]
    public void NothingIsAddedBeyondTheMostTheRecordKeeps()
    {
        var full = Record(
            wellBeing: [.. Enumerable.Repeat(CheckIn(1, null), RecordRules.MaxWellBeingCheckIns)],
            journal: [.. Enumerable.Repeat(Entry(1, ContactType.Phone, null), RecordRules.MaxJournalEntries)],
            outflows: [.. Enumerable.Range(1, RecordRules.MaxOutflows).Select(h => new Outflow(h, Today, Party.Person, Now))]);

        Assert.Equal(ContractRefusal.RecordLimitReached, full.RecordWellBeing(Person, new RecordWellBeing(5, null, null), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.RecordLimitReached, full.AddJournalEntry(Coach, Contact(ContactType.Phone, null), Now).Refusal?.Code);
        Assert.Equal(ContractRefusal.RecordLimitReached, full.ReportOutflow(Person, new ReportOutflow(99, Today), Now).Refusal?.Code);
    }

    [Fact]
    public void TheCoachOrATeamThePersonAgreedToWritesTheJournalAndThePersonDoesNot()
    {
        var record = Record(journal: [Entry(1, ContactType.Attempt, null)]);
        var request = Contact(ContactType.HomeVisit, null);

        var visit = record.AddJournalEntry(Team, request, Now);
        var withoutConsent = Record(parties: WithTeam with { TeamInvolved = false }).AddJournalEntry(Team, request, Now);
        var byPerson = record.AddJournalEntry(Person, request, Now);

        Assert.Equal(new JournalEntry(2, ContactType.HomeVisit, Today.AddDays(-1), "Koffie gedronken.", Party.Team, Team.Id, Now, null, null), visit.Item! with { RequestFingerprint = null });
        Assert.Equal((ContractRefusal.NotYourPart, "the person has not agreed that their neighbourhood team is involved"), (withoutConsent.Refusal?.Code, withoutConsent.Refusal?.Message));
        Assert.Equal((ContractRefusal.NotYourPart, "a person cannot write in the contact journal on this record"), (byPerson.Refusal?.Code, byPerson.Refusal?.Message));
        Assert.True(record.AddJournalEntry(Coach, request, Now).Changed);
    }

    [Fact]
    public void AJournalEntrySentAgainWithItsKeyIsTheSameEntryAndAKeyReusedForAnotherIsAConflict()
    {
        var request = Contact(ContactType.Phone, "app-9");
        var first = Record().AddJournalEntry(Coach, request, Now).Item!;
        var record = Record(journal: [first]);

        var repeat = record.AddJournalEntry(Coach, request, Now);
        var reused = record.AddJournalEntry(Coach, request with { Type = ContactType.Video }, Now);

        Assert.Equal("Phone\u001f03/09/2026\u001fKoffie gedronken.\u001fCoach\u001fco-sanne", first.RequestFingerprint);
        Assert.Equal((first, false), (repeat.Item, repeat.Changed));
        Assert.Equal(("journal_entry", "app-9"), reused.Refusal?.Holder);
    }

    [Fact]
    public void OutflowIsReportedByThePersonOrTheirCoachAndTheSameHoursFromTheSameDayAreTheSameReport()
    {
        var earlier = new Outflow(16, Today.AddDays(14), Party.Person, Now.AddDays(-1));
        var record = Record(outflows: [earlier]);

        var same = record.ReportOutflow(Coach, new ReportOutflow(16, Today.AddDays(14)), Now);
        var more = record.ReportOutflow(Coach, new ReportOutflow(24, Today.AddDays(14)), Now);
        var byTeam = record.ReportOutflow(Team, new ReportOutflow(24, Today), Now);

        Assert.Equal((earlier, false), (same.Item, same.Changed));
        Assert.Equal((new Outflow(24, Today.AddDays(14), Party.Coach, Now), true), (more.Item, more.Changed));
        Assert.Equal(ContractRefusal.NotYourPart, byTeam.Refusal?.Code);
    }

    private static PersonRecord Record(
        Parties? parties = null,
        IReadOnlyList<WellBeingCheckIn>? wellBeing = null,
        IReadOnlyList<JournalEntry>? journal = null,
        IReadOnlyList<Outflow>? outflows = null) =>
        new(parties ?? WithTeam, wellBeing ?? [], journal ?? [], outflows ?? []);

    private static WellBeingCheckIn CheckIn(long sequence, string? requestId) => new(sequence, 5, null, Party.Person, Now.AddDays(-1), requestId, null);

    private static JournalEntry Entry(long sequence, ContactType type, string? requestId) =>
        new(sequence, type, Today.AddDays(-3), "Gebeld.", Party.Coach, Coach.Id, Now.AddDays(-3), requestId, null);

    private static AddJournalEntry Contact(ContactType type, string? requestId) => new(type, Today.AddDays(-1), "Koffie gedronken.", requestId);
}
