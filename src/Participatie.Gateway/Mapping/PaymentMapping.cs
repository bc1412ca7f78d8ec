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
    };
}
