using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Payments;
using Participatie.Abstractions.Platform;

namespace Participatie.Grains.Payments;

/// <summary>The run's totals: counting a batch's lines, the people expected, and the view of the run.</summary>
public sealed partial class PaymentRunGrain
{
    /// <summary>
    /// Adds the batch to the totals: a line counts when this batch of this pass made it, not an earlier one. The run's
    /// total (and each neighbourhood's) is what the latest versions come to: first payments plus supplementary payments
    /// less the amounts owed back; the pass keeps each kind apart.
    /// </summary>
    private void Count(BatchRecord batch, Frozen[] results)
    {
        var pass = State.PassLog[^1];
        foreach (var (clientId, result, failure) in results)
        {
            if (failure is not null)
            {
                State.Failed++;
                pass.Failed++;
                if (State.Failures.Count < PaymentRunState.MaxListedFailures)
                {
                    State.Failures.Add(new FailureRecord { ClientId = clientId, Reason = failure });
                }

                continue;
            }

            if (result!.RunId != RunId || result.Pass != pass.Number || result.Batch != batch.Number)
            {
                continue; // made by an earlier batch or pass (the person moved neighbourhood), or nothing to pay
            }

            if (!State.Neighbourhoods.TryGetValue(result.NeighbourhoodId, out var totals))
            {
                State.Neighbourhoods[result.NeighbourhoodId] = totals = new NeighbourhoodTotalRecord();
            }

            State.TotalCents += result.AmountCents;
            totals.TotalCents += result.AmountCents;
            switch (result.Kind)
            {
                case PaymentKind.Supplementary:
                    pass.Supplementary++;
                    pass.SupplementaryCents += result.AmountCents;
                    break;
                case PaymentKind.Recovery:
                    pass.Recoveries++;
                    pass.RecoveryCents -= result.AmountCents;
                    break;
                default:
                    State.Paid++;
                    State.ZeroTotal += result.TotalCents == 0 ? 1 : 0;
                    totals.Paid++;
                    pass.Paid++;
                    pass.PaidCents += result.AmountCents;
                    pass.ZeroTotal += result.TotalCents == 0 ? 1 : 0;
                    break;
            }
        }

        State.Processed += batch.ClientIds.Count;
        pass.Processed = State.Processed;
        State.Batch = batch.Number;
        (State.CursorNeighbourhood, State.CursorAfter) = batch.End;
        State.Current = null;
    }

    private async Task<int> CountResidentsAsync()
    {
        var directory = GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform);
        var total = 0;
        string? after = null;
        while (true)
        {
            var page = await directory.ListNeighbourhoodsAsync(after, 100);
            foreach (var views in page.Chunk(options.Value.Concurrency))
            {
                total += (await Task.WhenAll(views.Select(id => GrainFactory.GetGrain<INeighbourhoodGrain>(id).GetAsync()))).Sum(n => n.Residents);
            }

            if (page.Count < 100)
            {
                return total;
            }

            after = page[^1];
        }
    }

    private PaymentRunView View() => new(
        RunId,
        Month,
        State.Status,
        State.Expected,
        State.Processed,
        State.Paid,
        State.TotalCents,
        State.ZeroTotal,
        State.Failed,
        [.. State.Failures.Select(f => new PaymentFailureView(f.ClientId, f.Reason))],
        [.. State.Neighbourhoods.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => new NeighbourhoodPaymentView(n.Key, n.Value.Paid, n.Value.TotalCents))],
        State.StartedBy,
        State.StartedAt,
        State.CompletedAt,
        State.Passes,
        [.. State.PassLog.Select(p => new PaymentPassView(
            p.Number,
            p.Number == State.Passes ? State.Status : PaymentRunStatus.Completed,
            p.StartedBy,
            p.StartedAt,
            p.CompletedAt,
            p.Expected,
            p.Processed,
            p.Paid,
            p.PaidCents,
            p.ZeroTotal,
            p.Supplementary,
            p.SupplementaryCents,
            p.Recoveries,
            p.RecoveryCents,
            p.Failed))]);
}
