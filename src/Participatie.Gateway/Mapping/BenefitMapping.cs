using Participatie.Abstractions.Clients;
using Participatie.Domain.Benefits;
using V1 = Participatie.Contracts.V1;

namespace Participatie.Gateway.Mapping;

/// <summary>Trajectories, income forms, measures and statements between the grains and the contract.</summary>
internal static class BenefitMapping
{
    public static V1.Trajectory ToContract(this TrajectoryView t)
    {
        var trajectory = new V1.Trajectory
        {
            Name = t.Name,
            From = ContractMapping.Iso(t.From),
            Until = t.Until is { } until ? ContractMapping.Iso(until) : string.Empty,
            Settings = t.Settings.ToContract(),
            LowersBenefit = t.LowersBenefit,
            StartedBy = t.StartedBy,
            StartedAt = ContractMapping.Iso(t.StartedAt),
            EndedBy = t.EndedBy ?? string.Empty,
        };
        if (t.Consent is not null)
        {
            trajectory.Consent = t.Consent.ToContract();
        }

        return trajectory;
    }

    public static V1.MonthReport ToContract(this MonthReportView r) => new()
    {
        Month = Months.Format(r.Month),
        NetEarningsCents = r.NetEarningsCents,
        WorkHoursPerWeek = r.WorkHoursPerWeek,
        AdultsInHome = r.AdultsInHome,
        GroupSupport = r.GroupSupport,
        ReportedBy = r.ReportedBy,
        ReportedAt = ContractMapping.Iso(r.ReportedAt),
    };

    public static V1.Sanction ToContract(this SanctionView s) => new()
    {
        Reference = s.Reference,
        FirstMonth = Months.Format(s.FirstMonth),
        Percent = s.Percent,
        Months = s.Months,
        SpreadOverThreeMonths = s.SpreadOverThreeMonths,
        DecidedBy = s.DecidedBy,
        RecordedAt = ContractMapping.Iso(s.RecordedAt),
    };

    public static V1.BenefitStatement ToContract(this StatementView s) => new()
    {
        ClientId = s.ClientId,
        Month = Months.Format(s.Month),
        Lines =
        {
            s.Lines.Select(l => new V1.StatementLine
            {
                Rule = l.Rule,
                Explanation = l.Explanation,
                AmountCents = l.AmountCents,
                Figures = { l.Figures.Select(f => new V1.FigureReference { Rule = f.Rule.ToString(), EffectiveFrom = ContractMapping.Iso(f.EffectiveFrom) }) },
            }),
        },
        Notes = { s.Notes },
        TotalCents = s.TotalCents,
        Regime = s.Regime.ToRegime(),
        RegimeLayers = { s.Layers.Select(l => l.ToContract()) },
        Frozen = s.Frozen,
        FrozenAt = s.FrozenAt is { } frozenAt ? ContractMapping.Iso(frozenAt) : string.Empty,
        PaymentRunId = s.PaymentRunId ?? string.Empty,
        ComputedAt = ContractMapping.Iso(s.ComputedAt),
        NeighbourhoodId = s.NeighbourhoodId,
        Version = s.Version,
        RevisionPending = s.RevisionPending,
        Payments = { (s.Payments ?? []).Select(p => p.ToContract()) },
    };

    public static V1.MonthPayment ToContract(this MonthPaymentView p) => new()
    {
        Version = p.Version,
        Kind = p.Kind.ToContract(),
        AmountCents = p.AmountCents,
        TotalCents = p.TotalCents,
        PaymentRunId = p.PaymentRunId,
        Pass = p.Pass,
        At = ContractMapping.Iso(p.At),
        Reason = p.Reason ?? string.Empty,
    };

    public static V1.PaymentKind ToContract(this PaymentKind kind) => kind switch
    {
        PaymentKind.Payment => V1.PaymentKind.Payment,
        PaymentKind.Supplementary => V1.PaymentKind.Supplementary,
        PaymentKind.Recovery => V1.PaymentKind.Recovery,
        _ => V1.PaymentKind.Unspecified,
    };
}
