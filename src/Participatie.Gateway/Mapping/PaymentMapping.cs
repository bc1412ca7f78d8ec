using Participatie.Abstractions.Payments;
using Participatie.Domain.Benefits;
using V1 = Participatie.Contracts.V1;

namespace Participatie.Gateway.Mapping;

/// <summary>Payment runs between the grains and the contract.</summary>
internal static class PaymentMapping
{
    public static V1.PaymentRun ToContract(this PaymentRunView r) => new()
    {
        RunId = r.RunId,
        Month = Months.Format(r.Month),
        Status = (V1.PaymentRunStatus)(int)r.Status,
        Expected = r.Expected,
        Processed = r.Processed,
        Paid = r.Paid,
        TotalCents = r.TotalCents,
        ZeroTotal = r.ZeroTotal,
        Failed = r.Failed,
        Failures = { r.Failures.Select(f => new V1.PaymentFailure { ClientId = f.ClientId, Reason = f.Reason }) },
        Neighbourhoods = { r.Neighbourhoods.Select(n => new V1.NeighbourhoodPayment { NeighbourhoodId = n.NeighbourhoodId, Paid = n.Paid, TotalCents = n.TotalCents }) },
        StartedBy = r.StartedBy ?? string.Empty,
        StartedAt = r.StartedAt is { } started ? ContractMapping.Iso(started) : string.Empty,
        CompletedAt = r.CompletedAt is { } completed ? ContractMapping.Iso(completed) : string.Empty,
        Passes = r.Passes,
        PassSummaries = { (r.PassSummaries ?? []).Select(p => p.ToContract()) },
    };

    public static V1.PaymentPass ToContract(this PaymentPassView p) => new()
    {
        Number = p.Number,
        Status = (V1.PaymentRunStatus)(int)p.Status,
        StartedBy = p.StartedBy ?? string.Empty,
        StartedAt = p.StartedAt is { } started ? ContractMapping.Iso(started) : string.Empty,
        CompletedAt = p.CompletedAt is { } completed ? ContractMapping.Iso(completed) : string.Empty,
        Expected = p.Expected,
        Processed = p.Processed,
        Paid = p.Paid,
        PaidCents = p.PaidCents,
        ZeroTotal = p.ZeroTotal,
        Supplementary = p.Supplementary,
        SupplementaryCents = p.SupplementaryCents,
        Recoveries = p.Recoveries,
        RecoveryCents = p.RecoveryCents,
        Failed = p.Failed,
    };
}
