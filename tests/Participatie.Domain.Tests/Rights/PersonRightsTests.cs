using Participatie.Domain.Rights;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Rights;

public sealed class PersonRightsTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateOnly Registered = new(2025, 6, 1);

    [Theory]
    [InlineData("2026-03-10", "werk gevonden", null)]
    [InlineData("2026-03-11", "werk gevonden", nameof(EndOfCase.EndedOn))]
    [InlineData("2025-05-31", "werk gevonden", nameof(EndOfCase.EndedOn))]
    [InlineData("2026-03-01", " ", nameof(EndOfCase.Reason))]
    public void ACaseEndsWithAReasonOnADayBetweenTheRegistrationAndToday(string endedOn, string reason, string? field)
    {
        var violations = new Violations();

        var end = EndOfCase.Check(violations, DateOnly.Parse(endedOn, System.Globalization.CultureInfo.InvariantCulture), reason, Today, Registered);

        Assert.Equal(field is null, end is not null);
        Assert.Equal(field is null ? [] : [field], violations.Items.Select(v => v.Field));
    }

    [Fact]
    public void ALegalHoldNamesItsGroundInTenCharactersAndLiftingItKeepsNoReason()
    {
        var tooShort = new Violations();

        Assert.Null(LegalHold.Check(tooShort, true, "rechter"));
        Assert.Equal(nameof(LegalHold.Reason), Assert.Single(tooShort.Items).Field);
        Assert.Equal(new LegalHold(true, "bezwaarprocedure"), LegalHold.Check(new Violations(), true, " bezwaarprocedure "));
        Assert.Equal(new LegalHold(false, null), LegalHold.Check(new Violations(), false, "whatever"));
    }

    [Fact]
    public void ARecordIsDueForAnonymisationAtTheEndOfItsRetentionUnlessHeld()
    {
        var retention = new Retention(TimeSpan.FromDays(3653));
        var endedOn = new DateOnly(2026, 3, 1);
        var due = new DateTimeOffset(2036, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2036, 3, 1), retention.AnonymiseOn(endedOn));
        Assert.Equal(due, retention.DueAt(endedOn));
        Assert.False(retention.IsDue(endedOn, legalHold: false, due.AddTicks(-1)));
        Assert.True(retention.IsDue(endedOn, legalHold: false, due));
        Assert.False(retention.IsDue(endedOn, legalHold: true, due.AddYears(1)));
    }

    [Fact]
    public void TheFirstCheckWaitsUntilTheRecordIsDueAndAtLeastASecond()
    {
        var retention = new Retention(TimeSpan.FromDays(1.5));
        var endedOn = new DateOnly(2026, 3, 1);
        var ended = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 3), retention.AnonymiseOn(endedOn));
        Assert.Equal(TimeSpan.FromDays(1.5), retention.WaitFrom(endedOn, ended));
        Assert.Equal(Retention.ShortestWait, retention.WaitFrom(endedOn, ended.AddDays(2)));
    }
}
