using Participatie.Domain.Benefits;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Benefits;

public sealed class MeasuresTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseCalendar Calendar = new(new DateBounds(), new DateOnly(2026, 3, 10), new DateOnly(2026, 1, 15), null);
    private static readonly DateOnly March = new(2026, 3, 1);

    [Fact]
    public void AMeasureIsRecordedWithItsTermsAndWhoDecidedIt()
    {
        var violations = new Violations();

        var decision = Measures.Check(violations, Calendar, " M-1 ", "2026-03", 100, 1, true, "coach-1", Now);

        Assert.Equal(new MeasureDecision(new Sanction("M-1", March, 100, 1, true), "coach-1", Now), decision);
    }

    [Fact]
    public void EveryWrongTermIsNamedByTheSanctionsOwnMembers()
    {
        var violations = new Violations();

        var decision = Measures.Check(violations, Calendar, "M-1\nM-2", "2026-06", 0, 4, false, " ", Now);

        Assert.Null(decision);
        Assert.Equal(
            [nameof(MeasureDecision.DecidedBy), nameof(Sanction.FirstMonth), nameof(Sanction.Months), nameof(Sanction.Percent), nameof(Sanction.Reference)],
            violations.Items.Select(v => v.Field).Order());
    }

    [Fact]
    public void TheSameDecisionRecordedAgainChangesNothingButOtherTermsUnderItsReferenceAreRefused()
    {
        var recorded = new Sanction("M-1", March, 100, 1);

        var same = Measures.Repeated(recorded with { }, recorded);
        var other = Measures.Repeated(recorded with { Percent = 50 }, recorded);

        Assert.Null(same);
        Assert.Equal(BenefitRefusal.MeasureRecordedOtherwise, other!.Code);
        Assert.Equal("M-1", other.Subject);
    }

    [Fact]
    public void AMeasureIsRefusedInAMonthWhoseRegimeExcludesSanctionsNamingTheLayer()
    {
        var sanction = new Sanction("M-1", March, 100, 1);

        var excluded = Measures.Allowed(sanction, RegimeResolver.Resolve([Layers.Default("rotterdam-2026", sanctions: false)], March));
        var allowed = Measures.Allowed(sanction, RegimeResolver.Resolve([Layers.Default("rotterdam-2026", sanctions: true)], March));

        Assert.Null(allowed);
        Assert.Equal(BenefitRefusal.SanctionsExcluded, excluded!.Code);
        Assert.Equal("the person's regime in 2026-03 excludes sanctions (sanctions set by rotterdam-2026)", excluded.Message);
    }

    [Fact]
    public void AMeasureReopensThePaidMonthsItWithholdsFrom()
    {
        var spread = new MeasureDecision(new Sanction("M-1", March, 100, 1, SpreadOverThreeMonths: true), "coach-1", Now);
        var single = new MeasureDecision(new Sanction("M-2", March, 100, 1), "coach-1", Now);
        DateOnly[] paid = [new(2026, 2, 1), March, new(2026, 4, 1)];

        var reopenedBySpread = spread.Reopens(paid, new DateOnly(2026, 3, 10));
        var reopenedBySingle = single.Reopens(paid, new DateOnly(2026, 3, 10));

        Assert.Equal([March, new DateOnly(2026, 4, 1)], reopenedBySpread.Months);
        Assert.Equal([March], reopenedBySingle.Months);
        Assert.Equal("measure M-1 recorded on 2026-03-10 by coach-1", reopenedBySpread.Reason);
    }
}

/// <summary>Regime layers for tests: a complete municipal default.</summary>
internal static class Layers
{
    public static RegimeLayer Default(string name, bool sanctions, DateOnly? from = null) => new(
        RegimeSource.MunicipalDefault,
        name,
        new RegimeOverrides(JobSearchObligation.Applies, CounterPerformance.Required, sanctions, 50, 28, EarningsDisregardKind.Statutory, false, false, BenefitLevel.Norm),
        from ?? new DateOnly(2024, 1, 1));
}
