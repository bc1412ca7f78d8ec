using Participatie.Domain.Benefits;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Validation;

public sealed class DateBoundsTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly DateOnly CaseStart = new(2026, 11, 20);
    private static readonly DateBounds Shipped = new() { FirstMonth = "2024-01", HorizonMonths = 60, BackdatingMonths = 3 };

    [Theory]
    [InlineData("0001-01-01", "must be on or after 2024-01-01 (the platform's first supported month, Dates:FirstMonth)")]
    [InlineData("2023-12-31", "must be on or after 2024-01-01 (the platform's first supported month, Dates:FirstMonth)")]
    [InlineData("9999-12-31", "must be on or before 2031-12-06 (at most 60 months ahead, Dates:HorizonMonths)")]
    [InlineData("2031-12-07", "must be on or before 2031-12-06 (at most 60 months ahead, Dates:HorizonMonths)")]
    public void ADayBeforeTheFirstSupportedMonthOrBeyondTheHorizonIsAViolationThatStatesTheBound(string day, string description)
    {
        var violations = new Violations();

        Assert.Null(Shipped.Day(violations, "from", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Today));

        var violation = Assert.Single(violations.Items);
        Assert.Equal(("from", description), (violation.Field, violation.Description));
    }

    [Theory]
    [InlineData("2024-01-01")]
    [InlineData("2026-12-06")]
    [InlineData("2031-12-06")]
    public void ADayWithinTheBoundsIsTakenAsItIs(string day)
    {
        var violations = new Violations();
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(date, Shipped.Day(violations, "from", date, Today));
        Assert.False(violations.Any);
    }

    [Fact]
    public void AnAbsentOrAlreadyRefusedDayAddsNoFurtherViolation()
    {
        var violations = new Violations();

        Assert.Null(Shipped.Day(violations, "until", null, Today));
        Assert.Null(Shipped.CaseMonth(violations, "month", null, Today, CaseStart));
        Assert.False(violations.Any);
    }

    [Theory]
    [InlineData(2026, 8, "must be 2026-08 or later (the person's case began on 2026-11-20; facts go back at most 3 months before that month, Dates:BackdatingMonths)", false)]
    [InlineData(2026, 7, "must be 2026-08 or later (the person's case began on 2026-11-20; facts go back at most 3 months before that month, Dates:BackdatingMonths)", true)]
    [InlineData(1, 1, "must be 2026-08 or later (the person's case began on 2026-11-20; facts go back at most 3 months before that month, Dates:BackdatingMonths)", true)]
    public void AMonthBeforeThePersonsCaseBeganIsRefusedWithTheFirstMonthOfTheCase(int year, int month, string description, bool refused)
    {
        var violations = new Violations();

        var checkedMonth = Shipped.CaseMonth(violations, "month", new DateOnly(year, month, 1), Today, CaseStart);

        Assert.Equal(refused, checkedMonth is null);
        Assert.Equal(refused ? [("month", description)] : [], violations.Items.Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public void APaidMonthBelongsToTheCaseEvenBeforeItsBackdatingWindow()
    {
        var violations = new Violations();

        Assert.Equal(new DateOnly(2026, 1, 1), Shipped.CaseMonth(violations, "month", new DateOnly(2026, 1, 1), Today, CaseStart, firstPaidMonth: new DateOnly(2026, 1, 1)));
        Assert.Null(Shipped.CaseMonth(violations, "month", new DateOnly(2025, 12, 1), Today, CaseStart, firstPaidMonth: new DateOnly(2026, 1, 1)));
        Assert.Equal("must be 2026-01 or later (the person's case began on 2026-11-20; facts go back at most 3 months before that month, Dates:BackdatingMonths)", Assert.Single(violations.Items).Description);
    }

    [Fact]
    public void ACaseThatBeganSoonAfterTheFirstSupportedMonthIsBoundByThatMonth()
    {
        var violations = new Violations();

        Assert.Equal(new DateOnly(2024, 1, 1), Shipped.CaseFirstDay(new DateOnly(2024, 2, 10)));
        Assert.Null(Shipped.CaseMonth(violations, "month", new DateOnly(2023, 11, 1), Today, new DateOnly(2024, 2, 10)));
        Assert.Equal("must be 2024-01 or later (the platform's first supported month, Dates:FirstMonth)", Assert.Single(violations.Items).Description);
    }

    [Fact]
    public void ACaseDayBeforeTheCaseIsRefusedWithTheDayTheCaseBegan()
    {
        var violations = new Violations();

        Assert.Null(Shipped.CaseDay(violations, "from", new DateOnly(2026, 7, 31), Today, CaseStart));
        Assert.Equal(new DateOnly(2026, 8, 1), Shipped.CaseDay(violations, "from", new DateOnly(2026, 8, 1), Today, CaseStart));
        Assert.Null(Shipped.CaseDay(violations, "from", DateOnly.MaxValue, Today, CaseStart));

        Assert.Equal(
            [
                ("from", "must be on or after 2026-08-01 (the person's case began on 2026-11-20; facts go back at most 3 months before that month, Dates:BackdatingMonths)"),
                ("from", "must be on or before 2031-12-06 (at most 60 months ahead, Dates:HorizonMonths)"),
            ],
            violations.Items.Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public void AMonthBeyondTheHorizonNamesTheLastMonth()
    {
        var violations = new Violations();

        Assert.Null(Shipped.Month(violations, "first_month", new DateOnly(9999, 12, 1), Today));

        Assert.Equal("must be 2031-12 or earlier (at most 60 months ahead, Dates:HorizonMonths)", Assert.Single(violations.Items).Description);
    }

    [Fact]
    public void TheShippedSettingsHaveNoProblemsAndWrongOnesNameTheirKey()
    {
        var table = new BenefitTable { Entries = [new BenefitFigure { Rule = BenefitRule.NormSingle, EffectiveFrom = new DateOnly(2024, 1, 1), Cents = 128383 }] };

        Assert.Empty(Shipped.Problems(table));
        Assert.Equal(
            [
                "Dates:FirstMonth must be a month as yyyy-MM, e.g. 2024-01",
                "Dates:HorizonMonths must be between 1 and 1200",
                "Dates:BackdatingMonths must be between 0 and 120",
            ],
            new DateBounds { FirstMonth = "januari", HorizonMonths = 0, BackdatingMonths = -1 }.Problems(table));
        Assert.Equal(
            ["Dates:FirstMonth must not be before the benefit table's first figures (2024-01, Benefits:Entries): statements before it cannot be computed"],
            new DateBounds { FirstMonth = "2023-12" }.Problems(table));
    }
}
