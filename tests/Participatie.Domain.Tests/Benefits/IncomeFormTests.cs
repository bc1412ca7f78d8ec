using Participatie.Domain.Benefits;
using Participatie.Domain.People;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Benefits;

public sealed class IncomeFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseCalendar Calendar = new(new DateBounds(), new DateOnly(2026, 3, 10), new DateOnly(2026, 1, 15), null);

    [Fact]
    public void AFormOfAMonthOfTheCaseIsRecordedAsReported()
    {
        var violations = new Violations();

        var form = IncomeForm.Check(violations, Calendar, "2026-02", 45_000, 12, 2, true, " coach-1 ", Now);

        Assert.False(violations.Any);
        Assert.Equal(new IncomeForm(new DateOnly(2026, 2, 1), 45_000, 12, 2, true, "coach-1", Now), form);
    }

    [Fact]
    public void EveryWrongFieldIsNamedByTheFormsOwnMembers()
    {
        var violations = new Violations();

        var form = IncomeForm.Check(violations, Calendar, "2026-02", -1, 200, 21, false, "", Now);

        Assert.Null(form);
        Assert.Equal(
            [nameof(IncomeForm.AdultsInHome), nameof(IncomeForm.NetEarningsCents), nameof(IncomeForm.ReportedBy), nameof(IncomeForm.WorkHoursPerWeek)],
            violations.Items.Select(v => v.Field).Order());
    }

    [Theory]
    [InlineData("2026-04", null)]
    [InlineData("2026-05", "must not be more than one month ahead")]
    [InlineData("2025-13", "must be a month as yyyy-MM, e.g. 2026-01")]
    [InlineData("2025-09", "must be 2025-10 or later")]
    public void AMonthIsOneOfTheCaseAndAtMostOneMonthAhead(string month, string? refusal)
    {
        var violations = new Violations();

        var form = IncomeForm.Check(violations, Calendar, month, 0, 0, 0, false, "coach-1", Now);

        Assert.Equal(refusal is null, form is not null);
        if (refusal is not null)
        {
            var violation = Assert.Single(violations.Items);
            Assert.Equal(nameof(IncomeForm.Month), violation.Field);
            Assert.StartsWith(refusal, violation.Description);
        }
    }

    [Fact]
    public void AFormReopensItsOwnPaidMonthAndEveryPaidMonthAfterItButNoneBefore()
    {
        var form = new IncomeForm(new DateOnly(2026, 2, 1), 45_000, 12, 0, false, "coach-1", Now);
        DateOnly[] paid = [new(2026, 1, 1), new(2026, 3, 1), new(2026, 2, 1)];

        var reopening = form.Reopens(paid, new DateOnly(2026, 3, 10));

        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], reopening.Months);
        Assert.Equal("income form of 2026-02 reported on 2026-03-10 by coach-1", reopening.Reason);
    }

    [Fact]
    public void AReopenedMonthKeepsAtMostTwentyReasons()
    {
        var reopening = new Reopening([new DateOnly(2026, 2, 1)], "why");
        var reasons = new List<string>();

        var added = Enumerable.Range(0, Reopening.MaxReasons + 1).Select(_ => reopening.AddTo(reasons)).ToList();

        Assert.Equal(Reopening.MaxReasons, reasons.Count);
        Assert.False(added[^1]);
        Assert.All(added.Take(Reopening.MaxReasons), Assert.True);
    }

    [Fact]
    public void TheMonthsFactsComeFromItsFormAndTheStatutoryDisregardRunsFromTheFirstMonthWithEarningsAt27()
    {
        var dateOfBirth = new DateOnly(1990, 5, 1);
        IncomeForm[] forms =
        [
            new(new DateOnly(2026, 1, 1), 0, 0, 0, false, "p", Now),
            new(new DateOnly(2026, 2, 1), 20_000, 8, 3, true, "p", Now),
            new(new DateOnly(2026, 3, 1), 30_000, 10, 0, false, "p", Now),
        ];
        var sanction = new Sanction("M-1", new DateOnly(2026, 3, 1), 100, 1);

        var march = MonthFacts.Of(new DateOnly(2026, 3, 1), HouseholdType.Couple, dateOfBirth, forms, [sanction], new DateOnly(2026, 1, 5));
        var february = MonthFacts.Of(new DateOnly(2026, 2, 1), HouseholdType.Single, dateOfBirth, forms, [], null);
        var april = MonthFacts.Of(new DateOnly(2026, 4, 1), HouseholdType.Single, dateOfBirth, forms, [], null);

        Assert.Equal((2, 30_000L, 10, false), (march.AdultsInHome, march.EarningsCents, march.WorkHoursPerWeek, march.InGroupSupport));
        Assert.Equal(new DateOnly(2026, 2, 1), march.StatutoryDisregardStart);
        Assert.Equal([sanction], march.Sanctions);
        Assert.Equal(new DateOnly(2026, 1, 5), march.BasicBenefitConsent);
        Assert.Equal((3, 20_000L, true), (february.AdultsInHome, february.EarningsCents, february.InGroupSupport));
        Assert.Equal((1, 0L), (april.AdultsInHome, april.EarningsCents));
    }

    [Fact]
    public void EarningsBefore27DoNotStartTheStatutoryDisregard()
    {
        IncomeForm[] forms = [new(new DateOnly(2026, 2, 1), 20_000, 8, 0, false, "p", Now)];

        var facts = MonthFacts.Of(new DateOnly(2026, 2, 1), HouseholdType.Single, new DateOnly(2000, 1, 1), forms, [], null);

        Assert.Null(facts.StatutoryDisregardStart);
    }
}
