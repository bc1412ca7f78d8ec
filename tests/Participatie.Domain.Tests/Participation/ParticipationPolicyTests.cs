using Participatie.Domain.Participation;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Participation;

public sealed class ParticipationPolicyTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void APersonIsActiveWithParticipationOnAnyOfTheWindowsLastDaysTodayIncluded()
    {
        var policy = new ParticipationPolicy();

        Assert.True(policy.IsActive(Today, Today));
        Assert.True(policy.IsActive(Today.AddDays(-27), Today));
        Assert.False(policy.IsActive(Today.AddDays(-28), Today));
        Assert.False(policy.IsActive(null, Today));
        Assert.False(policy.IsActive(Today.AddDays(1), Today));
    }

    [Fact]
    public void TheWindowInForceIsTheLatestThatStartedAndFourWeeksBeforeAny()
    {
        var policy = new ParticipationPolicy
        {
            ActiveWindows = [new ActiveWindow { From = new DateOnly(2026, 1, 1), Days = 56 }, new ActiveWindow { From = new DateOnly(2025, 1, 1), Days = 14 }],
        };

        Assert.Equal(28, policy.WindowOn(new DateOnly(2024, 12, 31)));
        Assert.Equal(14, policy.WindowOn(new DateOnly(2025, 12, 31)));
        Assert.Equal(56, policy.WindowOn(new DateOnly(2026, 1, 1)));
        Assert.True(policy.IsActive(Today.AddDays(-55), Today));
        Assert.Empty(policy.Problems());
    }

    [Fact]
    public void WrongSettingsAreNamedByTheirKey()
    {
        var policy = new ParticipationPolicy
        {
            MaxHoursPerDay = 24.1,
            ActiveWindows = [new ActiveWindow { From = Today, Days = 0 }, new ActiveWindow { From = Today, Days = 7 }],
        };

        Assert.Equal(
            ["Participation:MaxHoursPerDay", "Participation:ActiveWindows:0:Days", "Participation:ActiveWindows"],
            policy.Problems().Select(p => p.Split(' ')[0]));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.25, 15)]
    [InlineData(7.75, 465)]
    [InlineData(12, 720)]
    public void HoursInQuarterHoursUpToTheMaximumAreTakenAsMinutes(double hours, int minutes)
    {
        var violations = new Violations();

        var attendance = ParticipationRules.Attendance(violations, "2026-11-23", hours, Today, new ParticipationPolicy(), new DateBounds());

        Assert.False(violations.Any);
        Assert.Equal((Today, minutes), attendance);
    }

    [Theory]
    [InlineData("2026-11-24", 1, "date")]
    [InlineData("23-11-2026", 1, "date")]
    [InlineData("0001-01-01", 1, "date")]
    [InlineData("2023-12-31", 1, "date")]
    [InlineData("2026-11-23", 12.25, "hours")]
    [InlineData("2026-11-23", 0.1, "hours")]
    [InlineData("2026-11-23", double.PositiveInfinity, "hours")]
    [InlineData("2026-11-23", -0.25, "hours")]
    public void AFutureOrMalformedDayAndHoursOutOfBoundsAreRefusedByField(string date, double hours, string field)
    {
        var violations = new Violations();

        Assert.Null(ParticipationRules.Attendance(violations, date, hours, Today, new ParticipationPolicy(), new DateBounds()));
        Assert.Equal([field], violations.Items.Select(v => v.Field));
    }
}
