using Microsoft.Extensions.Options;
using Participatie.Domain.Benefits;
using Participatie.Domain.Regimes;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>The benefit table and regimes the test cluster runs with.</summary>
public static class TestRules
{
    /// <summary>The basic benefit of the opt-in trajectory, as a share of the norm (DOMAIN.md gives no figure).</summary>
    public const decimal BasicBenefitPercent = 90;

    /// <summary>DOMAIN.md's figures (as in benefits.example.json) and a basic benefit of 90%.</summary>
    public static BenefitTable Benefits() => new()
    {
        Entries =
        [
            Cents(BenefitRule.NormSingle, 2024, 1, 128383),
            Cents(BenefitRule.NormCouple, 2024, 1, 183404),
            Cents(BenefitRule.NormSingle, 2024, 7, 130845),
            Cents(BenefitRule.NormCouple, 2024, 7, 186921),
            Cents(BenefitRule.NormSingle, 2025, 1, 134545),
            Cents(BenefitRule.NormCouple, 2025, 1, 192207),
            Cents(BenefitRule.NormSingle, 2025, 7, 136906),
            Cents(BenefitRule.NormCouple, 2025, 7, 195580),
            Cents(BenefitRule.NormSingle, 2026, 1, 140150),
            Cents(BenefitRule.NormCouple, 2026, 1, 200213),
            new() { Rule = BenefitRule.StatutoryDisregardPercent, EffectiveFrom = new(2024, 1, 1), Percent = 25 },
            Cents(BenefitRule.StatutoryDisregardCap, 2024, 1, 26400),
            Cents(BenefitRule.StatutoryDisregardCap, 2024, 7, 26900),
            new() { Rule = BenefitRule.StatutoryDisregardMonths, EffectiveFrom = new(2024, 1, 1), Months = 6 },
            new() { Rule = BenefitRule.ExperimentalDisregardPercent, EffectiveFrom = new(2024, 1, 1), Percent = 50 },
            Cents(BenefitRule.ExperimentalDisregardCap, 2024, 1, 19900),
            Cents(BenefitRule.JobFoundBonusPerYear, 2024, 1, 240000),
            Cents(BenefitRule.GroupSupportBonusPerMonth, 2024, 1, 10000),
            new() { Rule = BenefitRule.BasicBenefitPercent, EffectiveFrom = new(2024, 1, 1), Percent = BasicBenefitPercent },
        ],
    };

    /// <summary>
    /// A municipal default with sanctions and the statutory disregard; trajectories "50-plus" (no sanctions) and
    /// "basic-benefit" (the opt-in basic benefit, free of rules).
    /// </summary>
    public static RegimePolicy Regimes() => new()
    {
        Defaults =
        [
            new ConfiguredRegime
            {
                Name = "test-municipal",
                From = new DateOnly(2020, 1, 1),
                JobSearch = JobSearchObligation.Applies,
                CounterPerformance = CounterPerformance.Required,
                SanctionsAllowed = true,
                CaseloadCap = 100,
                ContactIntervalDays = 90,
                EarningsDisregard = EarningsDisregardKind.Statutory,
                JobFoundBonus = false,
                GroupSupportBonus = false,
                BenefitLevel = BenefitLevel.Norm,
            },
        ],
        Trajectories =
        [
            new ConfiguredRegime { Name = "50-plus", From = new DateOnly(2020, 1, 1), CounterPerformance = CounterPerformance.Voluntary, SanctionsAllowed = false },
            new ConfiguredRegime
            {
                Name = "basic-benefit",
                From = new DateOnly(2020, 1, 1),
                JobSearch = JobSearchObligation.Exempt,
                CounterPerformance = CounterPerformance.None,
                SanctionsAllowed = false,
                BenefitLevel = BenefitLevel.OptInBasic,
            },
        ],
    };

    private static BenefitFigure Cents(BenefitRule rule, int year, int month, long cents) =>
        new() { Rule = rule, EffectiveFrom = new DateOnly(year, month, 1), Cents = cents };
}

/// <summary>
/// The benefit table as the silos see it, replaceable while they run: a test changes a rule the way an operator changes
/// configuration, and sees what that does (and does not) change.
/// </summary>
public sealed class SwitchableBenefits : IOptions<BenefitTable>
{
    private BenefitTable _table = TestRules.Benefits();

    public BenefitTable Value => Volatile.Read(ref _table);

    /// <summary>Replaces the table with a changed copy of the shipped one.</summary>
    public void Change(Action<BenefitTable> change)
    {
        var table = TestRules.Benefits();
        change(table);
        Volatile.Write(ref _table, table);
    }

    public void Reset() => Volatile.Write(ref _table, TestRules.Benefits());
}
