using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Regimes;
using Participatie.Domain.Benefits;
using Participatie.Domain.Regimes;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Clients;

/// <summary>Between the stored trajectories, income forms, measures and statements, the domain's statements and messages.</summary>
internal static class BenefitMapping
{
    public static TrajectoryView ToView(this TrajectoryRecord t) => new(
        t.Name,
        t.From,
        t.Until,
        t.Settings.ToData(),
        t.Settings.BenefitLevel == BenefitLevel.OptInBasic,
        t.Consent is null ? null : new ConsentView(t.Consent.Text, t.Consent.Version, t.Consent.GivenAt),
        t.StartedBy,
        t.StartedAt,
        t.EndedBy);

    public static MonthReportView ToView(this MonthReportRecord r) =>
        new(r.Month, r.NetEarningsCents, r.WorkHoursPerWeek, r.AdultsInHome, r.GroupSupport, r.ReportedBy, r.ReportedAt);

    public static SanctionView ToView(this SanctionRecord s) =>
        new(s.Reference, s.FirstMonth, s.Percent, s.Months, s.SpreadOverThreeMonths, s.DecidedBy, s.RecordedAt);

    /// <summary>
    /// A computed statement with the regime and the layers in force on the month's first day; the earnings line says
    /// which income form it comes from, as figures say their date.
    /// </summary>
    public static StatementRecord ToRecord(this BenefitStatement statement, ResolvedRegime regime, IEnumerable<RegimeLayer> layers, string neighbourhoodId, MonthReportRecord? report) => new()
    {
        Month = statement.Month,
        Lines = [.. statement.Lines.Select(l => new StatementLineRecord
        {
            Rule = l.Rule,
            Explanation = l.Rule == StatementRules.Earnings && report is not null
                ? $"{l.Explanation}, from the income form of {Months.Format(report.Month)} reported on {Today.Of(report.ReportedAt):yyyy-MM-dd}"
                : l.Explanation,
            AmountCents = l.AmountCents,
            Figures = [.. l.Figures.Select(f => new FigureRecord { Rule = f.Rule, EffectiveFrom = f.EffectiveFrom })],
        })],
        Notes = [.. statement.Notes],
        TotalCents = statement.TotalCents,
        Regime = RegimeSettingsRecord.Of(RegimeOverrides.All(regime.Regime)),
        Layers = [.. layers.Where(l => l.InForceOn(statement.Month)).Select(RegimeLayerRecord.Of)],
        NeighbourhoodId = neighbourhoodId,
    };

    /// <summary>What a paid version's line is: the first payment, or a correction paid or owed back.</summary>
    public static PaymentKind Kind(this StatementRecord s) =>
        s.VersionNumber == 1 ? PaymentKind.Payment : s.Amount >= 0 ? PaymentKind.Supplementary : PaymentKind.Recovery;

    public static MonthPaymentView ToPaymentView(this StatementRecord s) =>
        new(s.VersionNumber, s.Kind(), s.Amount, s.TotalCents, s.PaymentRunId, s.PassNumber, s.FrozenAt, s.Reason);

    /// <summary>The view of a statement: frozen ones carry their payment run, computed ones the moment of computing.</summary>
    public static StatementView ToView(this StatementRecord s, string clientId, bool frozen, DateTimeOffset computedAt) => new(
        clientId,
        s.Month,
        [.. s.Lines.Select(l => new StatementLineView(l.Rule, l.Explanation, l.AmountCents, [.. l.Figures.Select(f => new FigureReferenceView(f.Rule, f.EffectiveFrom))]))],
        [.. s.Notes],
        s.TotalCents,
        s.Regime.ToData(),
        [.. s.Layers.Select(l => l.ToView())],
        frozen,
        frozen ? s.FrozenAt : null,
        frozen ? s.PaymentRunId : null,
        frozen ? s.FrozenAt : computedAt,
        s.NeighbourhoodId);

    public static MonthReportRecord ToRecord(this IncomeForm f) => new()
    {
        Month = f.Month,
        NetEarningsCents = f.NetEarningsCents,
        WorkHoursPerWeek = f.WorkHoursPerWeek,
        AdultsInHome = f.AdultsInHome,
        GroupSupport = f.GroupSupport,
        ReportedBy = f.ReportedBy,
        ReportedAt = f.ReportedAt,
    };

    public static IncomeForm ToDomain(this MonthReportRecord r) =>
        new(r.Month, r.NetEarningsCents, r.WorkHoursPerWeek, r.AdultsInHome, r.GroupSupport, r.ReportedBy, r.ReportedAt);

    public static SanctionRecord ToRecord(this MeasureDecision d) => new()
    {
        Reference = d.Sanction.Reference,
        FirstMonth = d.Sanction.FirstMonth,
        Percent = d.Sanction.Percent,
        Months = d.Sanction.Months,
        SpreadOverThreeMonths = d.Sanction.SpreadOverThreeMonths,
        DecidedBy = d.DecidedBy,
        RecordedAt = d.RecordedAt,
    };

    public static Sanction ToDomain(this SanctionRecord s) => new(s.Reference, s.FirstMonth, s.Percent, s.Months, s.SpreadOverThreeMonths);

    /// <summary>A stored statement as the payment rules see it.</summary>
    public static PaidVersion ToPaid(this StatementRecord s) => new(s.Month, s.PassNumber, s.VersionNumber, s.TotalCents, s.Amount);

    /// <summary>Freezes a computed statement as the paid <paramref name="version"/> of a run's batch.</summary>
    public static void Freeze(this StatementRecord s, PaidVersion version, string runId, int batch, DateTimeOffset at, string? reason)
    {
        (s.PaymentRunId, s.Pass, s.Batch, s.FrozenAt) = (runId, version.Pass, batch, at);
        (s.Version, s.AmountCents, s.Reason) = (version.Version, version.AmountCents, reason);
    }

    public static TrajectoryPeriod ToPeriod(this TrajectoryRecord t) => new(t.Name, t.From, t.Until);

    public static ConsentRecord ToRecord(this Consent c) => new() { Text = c.Text, Version = c.Version, GivenAt = c.GivenAt };
}
