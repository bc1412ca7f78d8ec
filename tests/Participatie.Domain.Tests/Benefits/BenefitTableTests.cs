using Participatie.Domain.Benefits;

namespace Participatie.Domain.Tests.Benefits;

public sealed class BenefitTableTests
{
    [Fact]
    public void TheExampleConfigurationHasNoProblems()
    {
        Assert.Empty(TestTables.Example().Problems());
    }

    // DOMAIN.md, "Benefit rules": monthly net norms including holiday allowance, 21 to state pension age.
    [Theory]
    [InlineData("2024-01-01", 128383, 183404)]
    [InlineData("2024-07-01", 130845, 186921)]
    [InlineData("2025-01-01", 134545, 192207)]
    [InlineData("2025-07-01", 136906, 195580)]
    [InlineData("2026-01-01", 140150, 200213)]
    public void TheExampleHoldsTheNormsOfDomainMd(string from, long single, long couple)
    {
        var table = TestTables.Example();
        var day = DateOnly.Parse(from);

        Assert.Equal(single, table.Require(BenefitRule.NormSingle, day).Cents);
        Assert.Equal(couple, table.Require(BenefitRule.NormCouple, day).Cents);
        Assert.Equal(day, table.Require(BenefitRule.NormSingle, day).EffectiveFrom);
        Assert.NotEqual(day, table.FigureOn(BenefitRule.NormSingle, day.AddDays(-1))?.EffectiveFrom);
    }

    [Fact]
    public void TheExampleHoldsTheDisregardAndBonusFiguresOfDomainMd()
    {
        var table = TestTables.Example();

        Assert.Equal(25m, table.Require(BenefitRule.StatutoryDisregardPercent, new DateOnly(2026, 1, 1)).Percent);
        Assert.Equal(26400, table.Require(BenefitRule.StatutoryDisregardCap, new DateOnly(2024, 6, 1)).Cents);
        Assert.Equal(26900, table.Require(BenefitRule.StatutoryDisregardCap, new DateOnly(2024, 7, 1)).Cents);
        Assert.Equal(26900, table.Require(BenefitRule.StatutoryDisregardCap, new DateOnly(2026, 3, 1)).Cents);
        Assert.Equal(6, table.Require(BenefitRule.StatutoryDisregardMonths, new DateOnly(2026, 1, 1)).Months);
        Assert.Equal(50m, table.Require(BenefitRule.ExperimentalDisregardPercent, new DateOnly(2026, 1, 1)).Percent);
        Assert.Equal(19900, table.Require(BenefitRule.ExperimentalDisregardCap, new DateOnly(2026, 1, 1)).Cents);
        Assert.Equal(240000, table.Require(BenefitRule.JobFoundBonusPerYear, new DateOnly(2026, 1, 1)).Cents);
        Assert.Equal(10000, table.Require(BenefitRule.GroupSupportBonusPerMonth, new DateOnly(2026, 1, 1)).Cents);
        Assert.Null(table.FigureOn(BenefitRule.BasicBenefitPercent, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void TheSingleNormIsSeventyPercentOfTheCoupleNormAsTheCostSharerFormulaSaysForOneAdult()
    {
        // (40 + 30·1) / (100·1) = 70%: a check that the example's figures belong together (to within a cent of rounding).
        var table = TestTables.Example();
        foreach (var single in table.Entries.Where(e => e.Rule == BenefitRule.NormSingle))
        {
            var couple = table.Require(BenefitRule.NormCouple, single.EffectiveFrom).Cents!.Value;
            Assert.InRange(single.Cents!.Value - (couple * 0.7m), -1m, 1m);
        }
    }

    [Fact]
    public void RequireNamesTheRuleTheDayAndTheConfigurationKeyWhenNoFigureIsInForce()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => TestTables.Example().Require(BenefitRule.NormSingle, new DateOnly(2023, 12, 1)));

        Assert.Equal("No figure for NormSingle is in force on 2023-12-01; configure Benefits:Entries.", exception.Message);
    }

    [Fact]
    public void AnEmptyTableIsAProblem()
    {
        var problems = new BenefitTable().Problems().ToList();

        Assert.Equal("Benefits:Entries must hold at least one figure", problems[0]);
        Assert.Contains("Benefits:Entries has no figure for NormSingle", problems);
        Assert.Contains("Benefits:Entries has no figure for StatutoryDisregardMonths", problems);
        Assert.DoesNotContain(problems, p => p.Contains("BasicBenefitPercent", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBadEntryIsReportedWithItsKey()
    {
        var table = TestTables.Example();
        table.Entries.AddRange(
        [
            new BenefitFigure { Rule = BenefitRule.Unspecified, EffectiveFrom = new DateOnly(2026, 7, 1), Cents = 1 },
            new BenefitFigure { Rule = BenefitRule.NormSingle, EffectiveFrom = new DateOnly(2026, 7, 15), Percent = 5 },
            new BenefitFigure { Rule = BenefitRule.StatutoryDisregardPercent, Percent = 125 },
            new BenefitFigure { Rule = BenefitRule.StatutoryDisregardMonths, EffectiveFrom = new DateOnly(2027, 1, 1), Months = 0 },
            new BenefitFigure { Rule = BenefitRule.GroupSupportBonusPerMonth, EffectiveFrom = new DateOnly(2027, 1, 1), Cents = -100 },
            new BenefitFigure { Rule = BenefitRule.NormCouple, EffectiveFrom = new DateOnly(2026, 1, 1), Cents = 200214 },
        ]);

        Assert.Equal(
            [
                "Benefits:Entries:18:Rule must be one of NormSingle, NormCouple, StatutoryDisregardPercent, StatutoryDisregardCap, StatutoryDisregardMonths, "
                    + "ExperimentalDisregardPercent, ExperimentalDisregardCap, JobFoundBonusPerYear, GroupSupportBonusPerMonth, BasicBenefitPercent",
                "Benefits:Entries:19:EffectiveFrom must be the first day of a month: statements are monthly",
                "Benefits:Entries:19:Cents is required for NormSingle",
                "Benefits:Entries:19:Percent does not apply to NormSingle, which is counted in Cents",
                "Benefits:Entries:20:EffectiveFrom is required (yyyy-MM-dd)",
                "Benefits:Entries:20:Percent must be between 0 and 100",
                "Benefits:Entries:21:Months must be between 1 and 120",
                "Benefits:Entries:22:Cents must not be negative",
                "Benefits:Entries has two figures for NormCouple in force from 2026-01-01",
            ],
            table.Problems());
    }
}
