using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Payments;
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
    private TaskCompletionSource? _completed;

    private PaymentRunState State => record.State;

    private string RunId => this.GetPrimaryKeyString();

    private DateOnly Month => PaymentRunKeys.MonthOf(RunId) ?? throw InvalidInputException.For(nameof(Month), "must be a month as yyyy-MM");

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
        var by = violations.Text(nameof(startedBy), startedBy, MaxActorLength);
        dates.Value.Month(violations, nameof(Month), Month, Today.In(time));
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

    public async Task<PaymentRunView> WaitUntilCompletedAsync(int pass, TimeSpan maxWait)
    {
        if (!IsCompleted(pass) && maxWait > TimeSpan.Zero)
        {
            _completed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var completed = _completed.Task;
            var timeout = Task.Delay(maxWait, time);
            while (!IsCompleted(pass) && await Task.WhenAny(completed, timeout) == completed)
            {
                // A pass completed, but not yet the one awaited (a later pass started meanwhile): wait for the next.
                _completed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                completed = _completed.Task;
            }
        }

        return View();
    }

    /// <summary>Whether pass <paramref name="pass"/> (0: the newest) completed; a run never started has completed nothing.</summary>
    private bool IsCompleted(int pass)
    {
        var number = pass == 0 ? State.Passes : pass;
        return State.Passes > number || (State.Passes == number && State.Status == PaymentRunStatus.Completed);
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

    private IGrainTimer ScheduleNext()
    {
        _next?.Dispose();
        _next = this.RegisterGrainTimer(RunBatchAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return _next;
    }

    private Task SaveAsync() => record.WriteOrDeactivateAsync(this);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment run {RunId} started pass {Pass} over {Expected} people")]
    private static partial void LogStarted(ILogger logger, string runId, int pass, int expected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment run {RunId} completed: {Paid} paid, {TotalCents} cents, {Failed} failed")]
    private static partial void LogCompleted(ILogger logger, string runId, int paid, long totalCents, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment run {RunId} broke off; it continues from its stored progress")]
    private static partial void LogBroken(ILogger logger, string runId, Exception exception);
}
