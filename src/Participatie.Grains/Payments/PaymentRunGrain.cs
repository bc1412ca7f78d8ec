using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Payments;
using Participatie.Abstractions.Platform;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Payments;

/// <summary>
/// The payment run of one month. It walks the neighbourhoods of the directory in order and each neighbourhood's
/// residents in order, in batches that run on from one neighbourhood into the next: a batch is stored before its
/// statements are frozen, each person's grain freezes its statement once (a second freeze returns the first), and the
/// batch's totals are stored with the cursor after it and the next batch, in one write. A
/// crash therefore repeats at most the stored batch, with the same people and batch number, and counts nobody twice.
/// Batches run on a grain timer, one at a time, so the run answers <see cref="GetAsync"/> in between; a reminder wakes
/// a run that a crash broke off, and is removed when the run completes.
/// <para>
/// A run goes in passes. Pass 1 pays everyone; starting the run again once a pass completed starts the next pass
/// (numbered, dated, with who started it), which walks everyone again and has each person's grain make at most one
/// line: the first payment of someone not paid yet (registered later, failed before), or — for a paid month that a
/// later income form or decision reopened — a new statement version with the difference paid (nabetaling) or owed back
/// (terugvordering). The export is per pass, so a pass's file pays only what that pass decided.
/// </para>
/// </summary>
public sealed partial class PaymentRunGrain(
    [PersistentState(StorageNames.PaymentRun, StorageNames.Provider)] IPersistentState<PaymentRunState> record,
    IOptions<PaymentRunOptions> options,
    IOptions<DateBounds> dates,
    IFaultPoints faults,
    TimeProvider time,
    ILogger<PaymentRunGrain> logger) : Grain, IPaymentRunGrain, IRemindable
{
    public const string ResumeReminder = "payment-run";
    private const int MaxActorLength = 100;

    private IGrainTimer? _next;

    private PaymentRunState State => record.State;

    private string RunId => this.GetPrimaryKeyString();

    private DateOnly Month => PaymentRunKeys.MonthOf(RunId) ?? throw InvalidInputException.For("month", "must be a month as yyyy-MM");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        State.ReadLegacyPasses();

        // A run that was under way when its last activation ended (a crash, a stopped silo) goes on from what was stored.
        if (State.Status == PaymentRunStatus.Running)
        {
            ScheduleNext();
        }

        return Task.CompletedTask;
    }

    public async Task<PaymentRunView> StartAsync(string startedBy)
    {
        var violations = new Violations();
        var by = violations.Text("started_by", startedBy, MaxActorLength);
        dates.Value.Month(violations, "month", Month, Today.In(time));
        violations.ThrowIfAny();
        if (Month > Today.NextMonth(time))
        {
            throw new PreconditionFailedException(Reasons.MonthNotDue, $"{RunId} cannot run yet: a month is paid at most one month ahead");
        }

        if (State.Status == PaymentRunStatus.Running)
        {
            _next ??= ScheduleNext();
            return View();
        }

        // Not started: pass 1. Completed: the next pass, for whoever is still unpaid and the corrections since.
        State.Status = PaymentRunStatus.Running;
        State.Passes++;
        State.Processed = 0;
        State.Failed = 0;
        State.Failures.Clear();
        State.CursorNeighbourhood = null;
        State.CursorAfter = null;
        State.Current = null;
        State.StartedBy = by;
        State.StartedAt ??= time.GetUtcNow();
        State.CompletedAt = null;
        State.Expected = await CountResidentsAsync();
        State.PassLog.Add(new PassRecord { Number = State.Passes, StartedBy = by, StartedAt = time.GetUtcNow(), Expected = State.Expected });
        await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.ResumeInterval, options.Value.ResumeInterval);
        await SaveAsync();
        LogStarted(logger, RunId, State.Passes, State.Expected);
        ScheduleNext();
        return View();
    }

    public Task<PaymentRunView> GetAsync() => Task.FromResult(View());

    public async Task<PaymentExportPage> ExportAsync(int pass, PaymentExportCursor? after, int size)
    {
        if (State.Passes == 0)
        {
            throw new PreconditionFailedException(Reasons.PaymentRunNotCompleted, $"{RunId} was never started: export a pass once it is done");
        }

        if (pass < 0 || pass > State.Passes)
        {
            throw InvalidInputException.For("pass", $"must be between 1 and {State.Passes} (the run's passes), or 0 for the newest");
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

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName != ResumeReminder)
        {
            return;
        }

        if (State.Status == PaymentRunStatus.Running)
        {
            _next ??= ScheduleNext();
        }
        else if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

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
            // Memory may be ahead of storage: drop this activation. The reminder (or the next call) continues from what
            // was stored, repeating the stored batch if there is one.
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

    private async Task CompleteAsync()
    {
        State.Status = PaymentRunStatus.Completed;
        State.CompletedAt = time.GetUtcNow();
        State.PassLog[^1].CompletedAt = State.CompletedAt;
        State.CursorNeighbourhood = null;
        State.CursorAfter = null;
        await SaveAsync();
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        LogCompleted(logger, RunId, State.Paid, State.TotalCents, State.Failed);
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

    private IGrainTimer ScheduleNext()
    {
        _next?.Dispose();
        _next = this.RegisterGrainTimer(RunBatchAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return _next;
    }

    private Task SaveAsync() => record.WriteOrDeactivateAsync(this);

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

    private sealed record Frozen(string ClientId, FreezeResult? Result, string? Failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment run {RunId} started pass {Pass} over {Expected} people")]
    private static partial void LogStarted(ILogger logger, string runId, int pass, int expected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment run {RunId} completed: {Paid} paid, {TotalCents} cents, {Failed} failed")]
    private static partial void LogCompleted(ILogger logger, string runId, int paid, long totalCents, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment run {RunId} broke off; it continues from its stored progress")]
    private static partial void LogBroken(ILogger logger, string runId, Exception exception);
}
