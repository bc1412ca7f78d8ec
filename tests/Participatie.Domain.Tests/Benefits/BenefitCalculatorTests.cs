using Participatie.Domain.Benefits;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;

namespace Participatie.Domain.Tests.Benefits;

public sealed class BenefitCalculatorTests
{
    private static readonly DateOnly March2026 = new(2026, 3, 1);

    private static readonly Regime Regular = new(
        JobSearchObligation.Applies, CounterPerformance.Required, SanctionsAllowed: true, CaseloadCap: 125, ContactIntervalDays: 90,
        EarningsDisregardKind.Statutory, JobFoundBonus: false, GroupSupportBonus: false, BenefitLevel.Norm);

    private static readonly Regime WerkenLoont = Regular with { EarningsDisregard = EarningsDisregardKind.Experimental, SanctionsAllowed = false };

    private static readonly BenefitFacts Single = new(HouseholdType.Single, new DateOnly(1970, 5, 1), AdultsInHome: 1, EarningsCents: 0);

    private static readonly BenefitTable Table = TestTables.WithBasicBenefit();

    private static BenefitStatement Calculate(BenefitFacts facts, Regime? regime = null, DateOnly? month = null)
    {
        var statement = BenefitCalculator.Calculate(facts, regime ?? Regular, Table, month ?? March2026);
        Assert.True(statement.TotalCents >= 0);
        return statement;
    }

    private static StatementLine Line(BenefitStatement statement, string rule) => Assert.Single(statement.Lines, l => l.Rule == rule);

    [Fact]
    public void ASinglePersonWithoutIncomeGetsTheSingleNormAndTheLineNamesItsFigure()
    {
        var statement = Calculate(Single);

        Assert.Equal(140150, statement.TotalCents);
        var norm = Assert.Single(statement.Lines);
        Assert.Equal(
            new StatementLine(StatementRules.Norm, "single norm including holiday allowance", 140150, norm.Figures),
            norm);
        Assert.Equal([new FigureReference(BenefitRule.NormSingle, new DateOnly(2026, 1, 1))], norm.Figures);
        Assert.Empty(statement.Notes);
        Assert.Equal(March2026, statement.Month);
    }

    [Theory]
    [InlineData("2024-01-01", 128383)]
    [InlineData("2024-06-01", 128383)]
    [InlineData("2024-07-01", 130845)]
    [InlineData("2025-12-01", 136906)]
    [InlineData("2026-01-01", 140150)]
    public void TheNormInForceOnTheFirstDayOfTheMonthApplies(string month, long expected)
    {
        Assert.Equal(expected, Calculate(Single, month: DateOnly.Parse(month)).TotalCents);
    }

    [Fact]
    public void ASingleParentGetsTheSingleNormAndACoupleTheCoupleNorm()
    {
        var singleParent = Calculate(Single with { Household = HouseholdType.SingleParent });
        var couple = Calculate(Single with { Household = HouseholdType.Couple, AdultsInHome = 2 }, month: new DateOnly(2025, 8, 1));

        Assert.Equal(140150, singleParent.TotalCents);
        Assert.Equal("single (also for a single parent) norm including holiday allowance", singleParent.Lines[0].Explanation);
        Assert.Equal(195580, couple.TotalCents);
        Assert.Equal([new FigureReference(BenefitRule.NormCouple, new DateOnly(2025, 7, 1))], couple.Lines[0].Figures);
    }

    [Fact]
    public void AroundTheCostSharerNormTheRoundingIsInWholeCentsHalvesUp()
    {
        // A = 3: (40 + 90) / 300 × 2,002.13 = 867.5897 → €867.59.
        var three = Calculate(Single with { AdultsInHome = 3 });
        // A = 2: 100 / 200 × 2,002.13 = 1,001.065 → €1,001.07 (half a cent up).
        var two = Calculate(Single with { AdultsInHome = 2 });

        Assert.Equal(86759, three.TotalCents);
        Assert.Equal(
            "cost-sharer norm for 3 adults of 27 or over in the home: (40 + 30·3) / (100·3) × the couple norm €2,002.13 = €867.59 per person",
            Line(three, StatementRules.CostSharerNorm).Explanation);
        Assert.Equal([new FigureReference(BenefitRule.NormCouple, new DateOnly(2026, 1, 1))], three.Lines[0].Figures);
        Assert.Equal(100107, two.TotalCents);
    }

    [Fact]
    public void ACoupleSharingAHomeWithAnotherAdultGetsTwiceTheCostSharerNorm()
    {
        var couple = Single with { Household = HouseholdType.Couple };

        Assert.Equal(200213, Calculate(couple with { AdultsInHome = 2 }).TotalCents);
        Assert.Equal(2 * 86759, Calculate(couple with { AdultsInHome = 3 }).TotalCents);
        Assert.EndsWith("per person, for both partners", Calculate(couple with { AdultsInHome = 3 }).Lines[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatutoryDisregardLeavesAQuarterOfEarningsForSixMonths()
    {
        var facts = Single with { EarningsCents = 40000, StatutoryDisregardStart = new DateOnly(2026, 2, 1) };

        var statement = Calculate(facts);

        Assert.Equal(140150 - 40000 + 10000, statement.TotalCents);
        Assert.Equal(-40000, Line(statement, StatementRules.Earnings).AmountCents);
        var disregard = Line(statement, StatementRules.StatutoryDisregard);
        Assert.Equal("25% of €400.00 = €100.00 (month 2 of 6)", disregard.Explanation);
        Assert.Equal(
            [
                new FigureReference(BenefitRule.StatutoryDisregardPercent, new DateOnly(2024, 1, 1)),
                new FigureReference(BenefitRule.StatutoryDisregardCap, new DateOnly(2024, 7, 1)),
                new FigureReference(BenefitRule.StatutoryDisregardMonths, new DateOnly(2024, 1, 1)),
            ],
            disregard.Figures);
    }

    [Theory]
    [InlineData("2024-06-01", 26400)]
    [InlineData("2024-07-01", 26900)]
    public void TheStatutoryDisregardIsCappedByTheCapInForce(string month, long cap)
    {
        var statement = Calculate(Single with { EarningsCents = 120000 }, month: DateOnly.Parse(month));

        var disregard = Line(statement, StatementRules.StatutoryDisregard);
        Assert.Equal(cap, disregard.AmountCents);
        Assert.Contains($"25% of €1,200.00 = €300.00, capped at {Money(cap)} (month 1 of 6)", disregard.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatutoryDisregardEndsAfterSixConsecutiveMonths()
    {
        var sixth = Calculate(Single with { EarningsCents = 40000, StatutoryDisregardStart = new DateOnly(2025, 10, 1) });
        var seventh = Calculate(Single with { EarningsCents = 40000, StatutoryDisregardStart = new DateOnly(2025, 9, 1) });

        Assert.Contains("(month 6 of 6)", Line(sixth, StatementRules.StatutoryDisregard).Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(seventh.Lines, l => l.Rule == StatementRules.StatutoryDisregard);
        Assert.Equal(140150 - 40000, seventh.TotalCents);
        Assert.Equal(["the statutory earnings disregard ran for 6 consecutive months from 2025-09 and has ended"], seventh.Notes);
    }

    [Fact]
    public void TheStatutoryDisregardAppliesOnlyFromAge27()
    {
        var young = Single with { DateOfBirth = new DateOnly(1999, 3, 2), EarningsCents = 40000 };

        var statement = Calculate(young);

        Assert.DoesNotContain(statement.Lines, l => l.Rule == StatementRules.StatutoryDisregard);
        Assert.Equal(["the statutory earnings disregard applies from age 27"], statement.Notes);
        Assert.Single(Calculate(young with { DateOfBirth = new DateOnly(1999, 3, 1) }).Lines, l => l.Rule == StatementRules.StatutoryDisregard);
    }

    [Fact]
    public void TheExperimentalDisregardLeavesHalfOfEarningsUpToItsCap()
    {
        var small = Calculate(Single with { EarningsCents = 30000 }, WerkenLoont);
        var large = Calculate(Single with { EarningsCents = 60000, StatutoryDisregardStart = new DateOnly(2024, 1, 1) }, WerkenLoont);

        Assert.Equal(15000, Line(small, StatementRules.ExperimentalDisregard).AmountCents);
        Assert.Equal("50% of €300.00 = €150.00", Line(small, StatementRules.ExperimentalDisregard).Explanation);
        Assert.Equal(19900, Line(large, StatementRules.ExperimentalDisregard).AmountCents);
        Assert.Equal(
            [
                new FigureReference(BenefitRule.ExperimentalDisregardPercent, new DateOnly(2024, 1, 1)),
                new FigureReference(BenefitRule.ExperimentalDisregardCap, new DateOnly(2024, 1, 1)),
            ],
            Line(large, StatementRules.ExperimentalDisregard).Figures);
    }

    [Fact]
    public void TheExperimentalDisregardIsNeverLessThanTheStatutoryOne()
    {
        // €1,000 earned in the first month: 25% capped at €269 beats 50% capped at €199.
        var statement = Calculate(Single with { EarningsCents = 100000 }, WerkenLoont);

        Assert.Equal(25000, Line(statement, StatementRules.StatutoryDisregard).AmountCents);
        Assert.DoesNotContain(statement.Lines, l => l.Rule == StatementRules.ExperimentalDisregard);
        Assert.Equal(
            ["the statutory disregard (€250.00) is more than the experimental one (€199.00) this month, so it applies instead: no one is worse off"],
            statement.Notes);
    }

    [Fact]
    public void ASanctionIsDeductedWhereTheRegimeAllowsIt()
    {
        var facts = Single with { Sanctions = [new Sanction("MR-2026-17", new DateOnly(2026, 2, 1), 100, 1, SpreadOverThreeMonths: true)] };

        var statement = Calculate(facts);

        var sanction = Line(statement, StatementRules.Sanction);
        // 33% of €1,401.50 = €462.495, rounded half away from zero.
        Assert.Equal(-46250, sanction.AmountCents);
        Assert.Equal("measure MR-2026-17: 33% of €1,401.50 (month 2 of 3, spread)", sanction.Explanation);
        Assert.Equal([new FigureReference(BenefitRule.NormSingle, new DateOnly(2026, 1, 1))], sanction.Figures);
        Assert.Equal(140150 - 46250, statement.TotalCents);
    }

    [Fact]
    public void AFullSanctionLeavesNothingButNeverLessThanNothing()
    {
        var facts = Single with { Sanctions = [new Sanction("MR-1", March2026, 100, 1), new Sanction("MR-2", March2026, 50, 2)] };

        var statement = Calculate(facts);

        Assert.Equal(0, statement.TotalCents);
        Assert.Equal(70075, Line(statement, StatementRules.FloorAtZero).AmountCents);
    }

    [Fact]
    public void ASanctionIsNotDeductedWhereTheRegimeExcludesIt()
    {
        var facts = Single with { Sanctions = [new Sanction("MR-2026-17", March2026, 100, 1)] };

        var statement = Calculate(facts, WerkenLoont);

        Assert.Equal(140150, statement.TotalCents);
        Assert.Equal(["measure MR-2026-17 is not applied: this regime excludes sanctions"], statement.Notes);
    }

    [Fact]
    public void EarningsAboveTheNormBringTheBenefitToZeroNotBelow()
    {
        var statement = Calculate(Single with { EarningsCents = 250000, StatutoryDisregardStart = new DateOnly(2025, 1, 1) });

        Assert.Equal(0, statement.TotalCents);
        Assert.Equal(new StatementLine(StatementRules.FloorAtZero, "the benefit never goes below zero", 250000 - 140150, []), statement.Lines[^1] with { Figures = [] });
    }

    [Fact]
    public void TheJobFoundBonusIsPaidForFullTimeWorkWhereTheRegimeAllowsItEvenWithoutBenefit()
    {
        var working = Single with { EarningsCents = 250000, WorkHoursPerWeek = 36, StatutoryDisregardStart = new DateOnly(2025, 1, 1) };
        var tilburg = Regular with { JobFoundBonus = true };

        var statement = Calculate(working, tilburg);

        var bonus = Line(statement, StatementRules.JobFoundBonus);
        Assert.Equal(20000, bonus.AmountCents);
        Assert.Equal("a twelfth of the yearly job-found bonus of €2,400.00 for working over 27 hours a week", bonus.Explanation);
        Assert.Equal(20000, statement.TotalCents);
        Assert.Equal(0, Calculate(working, Regular).TotalCents);
        Assert.Equal(0, Calculate(working with { WorkHoursPerWeek = 27 }, tilburg).TotalCents);
    }

    [Fact]
    public void TheGroupSupportBonusIsPaidForTakingPartWhereTheRegimeAllowsIt()
    {
        var takingPart = Single with { InGroupSupport = true };

        Assert.Equal(140150 + 10000, Calculate(takingPart, Regular with { GroupSupportBonus = true }).TotalCents);
        Assert.Equal(140150, Calculate(takingPart, Regular).TotalCents);
        Assert.Equal(140150, Calculate(Single, Regular with { GroupSupportBonus = true }).TotalCents);
    }

    [Fact]
    public void TheOptInBasicBenefitAppliesOnlyWithConsentRecordedBeforeTheMonth()
    {
        var basic = Regular with { BenefitLevel = BenefitLevel.OptInBasic, SanctionsAllowed = false };

        var consented = Calculate(Single with { BasicBenefitConsent = new DateOnly(2026, 2, 10) }, basic);
        var lateConsent = Calculate(Single with { BasicBenefitConsent = new DateOnly(2026, 3, 2) }, basic);
        var noConsent = Calculate(Single, basic);

        Assert.Equal(126135, consented.TotalCents);
        var line = Line(consented, StatementRules.BasicBenefit);
        Assert.Equal(-14015, line.AmountCents);
        Assert.Equal("opt-in basic benefit: 90% of the norm €1,401.50 = €1,261.35, chosen with consent recorded on 2026-02-10", line.Explanation);
        Assert.Equal(140150, lateConsent.TotalCents);
        Assert.Equal(140150, noConsent.TotalCents);
        Assert.Equal(["the opt-in basic benefit does not apply: no consent was recorded before this month, so the norm is paid"], noConsent.Notes);
    }

    [Fact]
    public void TheLinesAlwaysAddUpToTheTotal()
    {
        var facts = Single with
        {
            AdultsInHome = 2,
            EarningsCents = 51234,
            WorkHoursPerWeek = 30,
            InGroupSupport = true,
            Sanctions = [new Sanction("MR-9", March2026, 30, 1)],
        };

        var statement = Calculate(facts, Regular with { JobFoundBonus = true, GroupSupportBonus = true });

        Assert.Equal(
            [StatementRules.CostSharerNorm, StatementRules.Earnings, StatementRules.StatutoryDisregard, StatementRules.Sanction, StatementRules.JobFoundBonus, StatementRules.GroupSupportBonus],
            statement.Lines.Select(l => l.Rule));
        Assert.Equal(100107 - 51234 + 12809 - 30032 + 20000 + 10000, statement.TotalCents);
    }

    [Fact]
    public void AMonthMustBeGivenAsItsFirstDay()
    {
        Assert.Throws<ArgumentException>(() => BenefitCalculator.Calculate(Single, Regular, Table, new DateOnly(2026, 3, 15)));
    }

    [Fact]
    public void InvalidFactsAreRefusedWithEveryReason()
    {
        var facts = Single with
        {
            Household = HouseholdType.Unspecified,
            AdultsInHome = 0,
            EarningsCents = -1,
            StatutoryDisregardStart = new DateOnly(2026, 1, 5),
            Sanctions = [new Sanction(" ", new DateOnly(2026, 3, 2), 0, 4)],
        };

        var exception = Assert.Throws<ArgumentException>(() => BenefitCalculator.Calculate(facts, Regular, Table, March2026));

        Assert.StartsWith(
            "Invalid benefit facts: household must be one of Single, SingleParent, Couple; AdultsInHome must be between 1 and 20; "
            + "EarningsCents must be between 0 and 100000000; StatutoryDisregardStart must be the first day of a month; "
            + "Sanctions[0].Reference is required; Sanctions[0].FirstMonth must be the first day of a month; "
            + "Sanctions[0].Percent must be between 1 and 100; Sanctions[0].Months must be between 1 and 3",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFigureIsAConfigurationErrorThatNamesIt()
    {
        var basic = Regular with { BenefitLevel = BenefitLevel.OptInBasic };

        var exception = Assert.Throws<InvalidOperationException>(() =>
            BenefitCalculator.Calculate(Single with { BasicBenefitConsent = new DateOnly(2026, 1, 1) }, basic, TestTables.Example(), March2026));

        Assert.Equal("No figure for BasicBenefitPercent is in force on 2026-03-01; configure Benefits:Entries.", exception.Message);
    }

    private static string Money(long cents) => $"€{cents / 100m:0.00}";
}
