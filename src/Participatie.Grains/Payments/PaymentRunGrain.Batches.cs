using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Payments;
using Participatie.Abstractions.Platform;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Payments;

/// <summary>The walk in batches: choosing and storing a batch, having each person's grain freeze their statement, completing the pass.</summary>
public sealed partial class PaymentRunGrain
{
    /// <summary>One batch: choose and store it (unless one is stored), freeze its statements, store its totals.</summary>
    private async Task RunBatchAsync()
    {
        _next = null;
        if (State.Status != PaymentRunStatus.Running)
        {
            return;
        }

        try
        {
            // The first batch of a pass is chosen and stored before anyone is paid.
            if (State.Current is null && !await ChooseNextBatchAsync())
            {
                return;
            }

            var batch = State.Current!;
            var results = await InParallelAsync(batch.ClientIds, id => PayAsync(id, State.Passes, batch.Number));

            faults.Hit(FaultPoint.PaymentRunAfterFreeze);
            Count(batch, results);

            // The totals of this batch and the choice of the next one are stored in one write.
            if (await ChooseNextBatchAsync())
            {
                ScheduleNext();
            }
        }
        catch (Exception exception)
        {
            // Memory may be ahead of storage: go back to what was stored. The reminder (or the next start) continues
            // from there, repeating the stored batch if there is one; a caller waiting for the pass keeps waiting.
            LogBroken(logger, RunId, exception);
            await RereadOrDeactivateAsync();
        }
    }

    private async Task RereadOrDeactivateAsync()
    {
        try
        {
            await record.ReadStateAsync();
            State.ReadLegacyPasses();
        }
        catch (Exception exception)
        {
            // Storage cannot be read either: drop this activation; the next one reads what was stored.
            LogBroken(logger, RunId, exception);
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// Chooses the next batch and stores it (with whatever else changed); when everyone was visited, completes the run
    /// instead and returns false.
    /// </summary>
    private async Task<bool> ChooseNextBatchAsync()
    {
        State.Current = await NextBatchAsync();
        if (State.Current is null)
        {
            await CompleteAsync();
            return false;
        }

        await SaveAsync();
        return true;
    }

    /// <summary>
    /// The next people after the cursor, up to a batch size, running on into the following neighbourhoods when one
    /// ends; null when everyone was visited. The caller stores it before anyone in it is paid.
    /// </summary>
    private async Task<BatchRecord?> NextBatchAsync()
    {
        var directory = GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform);
        var (neighbourhood, after) = (State.CursorNeighbourhood, State.CursorAfter);
        if (neighbourhood is null)
        {
            var first = await directory.ListNeighbourhoodsAsync(null, 1);
            if (first.Count == 0)
            {
                return null;
            }

            (neighbourhood, after) = (first[0], null);
        }

        var size = options.Value.BatchSize;
        var batch = new BatchRecord { Number = State.Batch + 1, Neighbourhood = neighbourhood };
        while (batch.ClientIds.Count < size)
        {
            var wanted = size - batch.ClientIds.Count;
            var ids = await GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhood).ListResidentsAsync(after, wanted);
            batch.ClientIds.AddRange(ids);
            after = ids.Count > 0 ? ids[^1] : after;
            if (ids.Count == wanted)
            {
                break;
            }

            var next = await directory.ListNeighbourhoodsAsync(neighbourhood, 1);
            if (next.Count == 0)
            {
                break;
            }

            if (batch.ClientIds.Count == 0)
            {
                batch.Neighbourhood = next[0];
            }

            (neighbourhood, after) = (next[0], null);
        }

        (batch.EndNeighbourhood, batch.EndAfter) = (neighbourhood, after);
        return batch.ClientIds.Count == 0 ? null : batch;
    }

    /// <summary>
    /// Has one person's grain make their line of this pass, if any. A failure the platform reports (a missing figure,
    /// an unknown person) is recorded against the person; anything else (storage, a silo) breaks the batch off, to be
    /// repeated.
    /// </summary>
    private async Task<Frozen> PayAsync(string clientId, int pass, int batch)
    {
        try
        {
            return new Frozen(clientId, await GrainFactory.GetGrain<IClientBenefitsGrain>(clientId).PayMonthAsync(Month, RunId, pass, batch), null);
        }
        catch (PlatformException failure)
        {
            var code = failure switch
            {
                PreconditionFailedException precondition => precondition.Reason,
                NotFoundException => "NOT_FOUND",
                _ => failure.GetType().Name,
            };
            return new Frozen(clientId, null, $"{code}: {failure.Message}");
        }
    }

    private async Task CompleteAsync()
    {
        State.Status = PaymentRunStatus.Completed;
        State.CompletedAt = time.GetUtcNow();
        State.PassLog[^1].CompletedAt = State.CompletedAt;
        State.CursorNeighbourhood = null;
        State.CursorAfter = null;
        await SaveAsync();
        _completed?.TrySetResult();
        _completed = null;
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        LogCompleted(logger, RunId, State.Paid, State.TotalCents, State.Failed);
    }

    /// <summary>
    /// Calls <paramref name="call"/> for every id with at most <see cref="PaymentRunOptions.Concurrency"/> calls in
    /// flight, a new one starting as soon as one ends (a sliding window, not rounds that wait for their slowest call);
    /// the results in the order of the ids. Everything runs on this activation's turn.
    /// </summary>
    private async Task<TResult[]> InParallelAsync<TResult>(IReadOnlyList<string> ids, Func<string, Task<TResult>> call)
    {
        var results = new TResult[ids.Count];
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(options.Value.Concurrency, ids.Count)).Select(async _ =>
        {
            for (var i = ++next; i < ids.Count; i = ++next)
            {
                results[i] = await call(ids[i]);
            }
        });
        await Task.WhenAll(workers);
        return results;
    }

    private sealed record Frozen(string ClientId, FreezeResult? Result, string? Failure);
}
