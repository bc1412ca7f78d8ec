using Participatie.Domain.Participation;

namespace Participatie.Domain.Tests.Participation;

public sealed class ParticipationRecordTests
{
    private static ActivityContribution Contribution(long version, ParticipantStatus status, params (DateOnly, int)[] days) => new(version, status, days);

    [Fact]
    public void OnlyANewerVersionOfAnActivitysContributionIsTaken()
    {
        var kept = Contribution(3, ParticipantStatus.Enrolled);

        Assert.False(ParticipationRecord.Apply(kept, Contribution(3, ParticipantStatus.Enrolled)).Taken);
        Assert.False(ParticipationRecord.Apply(kept, Contribution(2, ParticipantStatus.Agreed)).Taken);
        Assert.True(ParticipationRecord.Apply(kept, Contribution(4, ParticipantStatus.Enrolled)).Taken);
        Assert.True(ParticipationRecord.Apply(null, Contribution(1, ParticipantStatus.Agreed)).Taken);
    }

    [Fact]
    public void ThePersonGetsANewPlaceOnlyWhenEnrolledAfterNotBeingEnrolled()
    {
        Assert.True(ParticipationRecord.Apply(null, Contribution(1, ParticipantStatus.Enrolled)).NewPlace);
        Assert.True(ParticipationRecord.Apply(Contribution(1, ParticipantStatus.Agreed), Contribution(2, ParticipantStatus.Enrolled)).NewPlace);
        Assert.False(ParticipationRecord.Apply(Contribution(1, ParticipantStatus.Enrolled), Contribution(2, ParticipantStatus.Enrolled)).NewPlace);
        Assert.False(ParticipationRecord.Apply(null, Contribution(1, ParticipantStatus.Agreed)).NewPlace);
    }

    [Fact]
    public void TheLastDayOfParticipationIsTheLastDayWithMinutes()
    {
        (DateOnly, int)[] days = [(new DateOnly(2026, 3, 2), 60), (new DateOnly(2026, 3, 9), 0), (new DateOnly(2026, 3, 5), 15)];

        Assert.Equal(new DateOnly(2026, 3, 5), ParticipationRecord.LastDay(days));
        Assert.Null(ParticipationRecord.LastDay([(new DateOnly(2026, 3, 9), 0)]));
    }

    [Fact]
    public void TheNeighbourhoodCountsTheMinutesOfThisMonthAndTheOneBefore()
    {
        (DateOnly, int)[] days = [(new DateOnly(2026, 3, 2), 60), (new DateOnly(2026, 1, 31), 90), (new DateOnly(2026, 2, 1), 30), (new DateOnly(2026, 3, 9), 15)];

        var months = ParticipationRecord.RecentMonths(days, new DateOnly(2026, 3, 10));

        Assert.Equal([(new DateOnly(2026, 2, 1), 30), (new DateOnly(2026, 3, 1), 75)], months);
    }
}
