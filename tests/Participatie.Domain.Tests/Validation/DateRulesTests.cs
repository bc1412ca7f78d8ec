using Participatie.Domain.Benefits;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Validation;

public sealed class DateRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-23T11:00:00Z", true)]
    [InlineData("2026-11-23T12:30:00+01:00", true)]
    [InlineData("2026-11-23T12:00:01Z", false)]
    [InlineData("2026-11-23T11:00:00", false)]
    [InlineData("2026-11-23", false)]
    [InlineData("gisteren", false)]
    [InlineData("", false)]
    public void AMomentNeedsATimeZoneAndMayNotLieInTheFuture(string text, bool valid)
    {
        var violations = new Violations();

        var moment = violations.Moment("given_at", text, Now);

        Assert.Equal(valid, moment is not null);
        Assert.Equal(valid, !violations.Any);
    }

    [Fact]
    public void DatesAndMonthsAreIsoAndAnOptionalDateMayBeLeftOut()
    {
        var violations = new Violations();

        Assert.Equal(new DateOnly(2026, 2, 28), violations.Date("from", "2026-02-28"));
        Assert.Null(violations.Date("until", "", required: false));
        Assert.Null(violations.Date("until", "2026-02-30", required: false));
        Assert.Equal(new DateOnly(2026, 1, 1), violations.Month("month", "2026-01"));
        Assert.Null(violations.Month("month", "2026-1"));
        Assert.Null(violations.Month("month", null));

        Assert.Equal(["until", "month", "month"], violations.Items.Select(v => v.Field));
        Assert.Equal("2026-01", Months.Format(new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2026, 11, 1), Months.Of(new DateOnly(2026, 11, 23)));
    }
}
