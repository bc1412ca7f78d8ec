using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Payments;
using Participatie.Abstractions.Platform;

namespace Participatie.Grains.Payments;

/// <summary>The export of a completed pass: the lines it made, in the order of the run's walk.</summary>
public sealed partial class PaymentRunGrain
{
    public async Task<PaymentExportPage> ExportAsync(int pass, PaymentExportCursor? after, int size)
    {
        if (State.Passes == 0)
        {
            throw new PreconditionFailedException(Reasons.PaymentRunNotCompleted, $"{RunId} was never started: export a pass once it is done");
        }

        if (pass < 0 || pass > State.Passes)
        {
            throw InvalidInputException.For(nameof(pass), $"must be between 1 and {State.Passes} (the run's passes), or 0 for the newest");
        }

        var number = pass == 0 ? State.Passes : pass;
        if (number == State.Passes && State.Status != PaymentRunStatus.Completed)
        {
            throw new PreconditionFailedException(Reasons.PaymentRunNotCompleted, $"{RunId} pass {number} is not completed: export a pass once it is done");
        }

        // The same walk as the run's, over the residents of now: each person is in exactly one neighbourhood.
        var directory = GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform);
        var cursor = after ?? await FirstNeighbourhoodAsync(directory);
        var lines = new List<PaymentLine>();
        while (cursor is not null && lines.Count < size)
        {
            var ids = await GrainFactory.GetGrain<INeighbourhoodGrain>(cursor.NeighbourhoodId).ListResidentsAsync(cursor.AfterClientId, size - lines.Count);
            if (ids.Count == 0)
            {
                var next = await directory.ListNeighbourhoodsAsync(cursor.NeighbourhoodId, 1);
                cursor = next.Count == 0 ? null : new PaymentExportCursor(next[0], null);
                continue;
            }

            var found = await InParallelAsync(ids, id => GrainFactory.GetGrain<IClientBenefitsGrain>(id).GetPaymentLineAsync(Month, number));
            lines.AddRange(found.Where(line => line?.PaymentRunId == RunId)!);

            cursor = cursor with { AfterClientId = ids[^1] };
        }

        return new PaymentExportPage(lines, cursor, number);
    }

    private static async Task<PaymentExportCursor?> FirstNeighbourhoodAsync(IDirectoryGrain directory)
    {
        var first = await directory.ListNeighbourhoodsAsync(null, 1);
        return first.Count == 0 ? null : new PaymentExportCursor(first[0], null);
    }
}
