using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Benefits;

/// <summary>A measure as decided: the sanction, who decided it, and when it was recorded.</summary>
public sealed record MeasureDecision(Sanction Sanction, string DecidedBy, DateTimeOffset RecordedAt);

/// <summary>
/// The rules for recording a measure (maatregel): its terms, that a reference names one decision (recording the same
/// decision again changes nothing; other terms under the same reference are refused), that the person's regime in the
/// first month allows sanctions, and which paid months it reopens.
/// </summary>
public static class Measures
{
    /// <summary>Checks a decided measure; returns it as recorded at <paramref name="now"/>, or null with violations named by <see cref="Sanction"/>'s members.</summary>
    public static MeasureDecision? Check(
        Violations violations, CaseCalendar calendar, string? reference, string? firstMonth, int percent, int months, bool spreadOverThreeMonths, string? decidedBy, DateTimeOffset now)
    {
        var single = violations.Text(nameof(Sanction.Reference), reference, BenefitFactsRules.MaxReferenceLength);
        if (single is not null && !TextRules.IsSingleLine(single))
        {
            violations.Add(nameof(Sanction.Reference), "must be a single line");
        }

        var first = calendar.Month(violations, nameof(Sanction.FirstMonth), firstMonth);
        violations.Range(nameof(Sanction.Percent), percent, 1, 100);
        violations.Range(nameof(Sanction.Months), months, 1, Sanction.MaxMonths);
        var by = violations.Text(nameof(MeasureDecision.DecidedBy), decidedBy, IncomeForm.MaxActorLength);
        return single is null || first is null || by is null || violations.Any
            ? null
            : new MeasureDecision(new Sanction(single, first.Value, percent, months, spreadOverThreeMonths), by, now);
    }

    /// <summary>
    /// A measure under a reference that was recorded before: null when its terms are the same (nothing changes), a
    /// refusal when they differ — a correction is a new decision with a reference of its own.
    /// </summary>
    public static BenefitRefusal? Repeated(Sanction candidate, Sanction recorded) =>
        candidate == recorded
            ? null
            : new BenefitRefusal(BenefitRefusal.MeasureRecordedOtherwise, $"a measure with reference {candidate.Reference} was recorded before with other terms", candidate.Reference);

    /// <summary>Null when the regime in force in the measure's first month allows sanctions; else why not, naming the layer.</summary>
    public static BenefitRefusal? Allowed(Sanction sanction, ResolvedRegime regime)
    {
        if (regime.Regime.SanctionsAllowed)
        {
            return null;
        }

        var why = regime.For(RegimeSettingNames.Sanctions);
        return new BenefitRefusal(
            BenefitRefusal.SanctionsExcluded,
            $"the person's regime in {Months.Format(sanction.FirstMonth)} excludes sanctions ({RegimeSettingNames.Sanctions} set by {why.SourceName})");
    }

    /// <summary>The paid months in which the measure withholds anything: each is revised by its next payment pass.</summary>
    public static Reopening Reopens(this MeasureDecision decision, IEnumerable<DateOnly> paidMonths, DateOnly recordedOn)
    {
        var sanction = decision.Sanction;
        var touched = Enumerable.Range(0, Sanction.MaxMonths).Select(i => sanction.FirstMonth.AddMonths(i)).Where(m => sanction.PercentIn(m) > 0);
        var paid = paidMonths.ToHashSet();
        return new Reopening(
            [.. touched.Where(paid.Contains)],
            $"measure {sanction.Reference} recorded on {recordedOn:yyyy-MM-dd} by {decision.DecidedBy}");
    }
}
