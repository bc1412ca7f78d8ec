using Participatie.Domain.Contracts;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Contracts;

public sealed class RecordRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData(ContactType.HomeVisit, true)]
    [InlineData(ContactType.Phone, true)]
    [InlineData(ContactType.Video, true)]
    [InlineData(ContactType.Message, true)]
    [InlineData(ContactType.Meeting, true)]
    [InlineData(ContactType.Attempt, false)]
    [InlineData(ContactType.Note, false)]
    public void ContactsCountForFollowUpAndAttemptsAndNotesDoNot(ContactType type, bool counts) =>
        Assert.Equal(counts, RecordRules.CountsAsContact(type));

    [Fact]
    public void TheLastContactMovesOnlyForwardAndOnlyForContacts()
    {
        var first = RecordRules.LastContact(null, ContactType.Phone, Today.AddDays(-5));
        Assert.Equal(Today.AddDays(-5), first);
        Assert.Equal(Today.AddDays(-5), RecordRules.LastContact(first, ContactType.Attempt, Today));
        Assert.Equal(Today.AddDays(-5), RecordRules.LastContact(first, ContactType.HomeVisit, Today.AddDays(-9)));
        Assert.Equal(Today, RecordRules.LastContact(first, ContactType.Meeting, Today));
        Assert.Null(RecordRules.LastContact(null, ContactType.Note, Today));
    }

    [Theory]
    [InlineData("2026-03-10", true)]
    [InlineData("2025-03-09", true)]
    [InlineData("2026-03-11", false)]
    [InlineData("2025-03-08", false)]
    public void AContactIsDatedTodayOrUpToAYearBack(string text, bool valid)
    {
        var violations = new Violations();

        Assert.Equal(valid, RecordRules.ContactDate(violations, "contacted_on", text, Today) is not null);
        Assert.Equal(valid, !violations.Any);
    }

    [Theory]
    [InlineData("2027-03-11", true)]
    [InlineData("2025-03-09", true)]
    [InlineData("2027-03-12", false)]
    [InlineData("2025-03-08", false)]
    public void WorkStartsWithinAYearBeforeOrAfterToday(string text, bool valid)
    {
        var violations = new Violations();

        Assert.Equal(valid, RecordRules.StartDate(violations, "start_on", text, Today) is not null);
        Assert.Equal(valid, !violations.Any);
    }

    [Fact]
    public void WellBeingAndOutflowAreThePersonsOrTheCoachsAndTheJournalTheCoachsOrTheTeams()
    {
        Assert.True(RecordRules.MayRecordWellBeing(Party.Person));
        Assert.True(RecordRules.MayRecordWellBeing(Party.Coach));
        Assert.False(RecordRules.MayRecordWellBeing(Party.Team));
        Assert.True(RecordRules.MayWriteJournal(Party.Team));
        Assert.True(RecordRules.MayWriteJournal(Party.Coach));
        Assert.False(RecordRules.MayWriteJournal(Party.Person));
        Assert.True(RecordRules.MayReportOutflow(Party.Person));
        Assert.False(RecordRules.MayReportOutflow(Party.Team));
    }
}
