using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;
using Participatie.Domain.Caseloads;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Coaches;

/// <summary>
/// Hands one coach's caseload over to colleagues, as a job like the payment run. The plan (who goes to whom) is stored
/// before anyone moves, so the caller can audit those people first; the job then moves a few people at a time on a
/// grain timer, each by the same protocol as a single assignment (the person's record reserves a place with the new
/// coach, commits, and tells the old one), and stores their outcomes after every few. A reminder continues a hand-over
/// that a crash broke off; it asks each person still pending where they are now, because the person's record is the
/// truth about their coach: nobody moves twice and nobody ends in two caseloads.
/// </summary>
public sealed partial class CaseloadHandOverGrain(
    [PersistentState(StorageNames.CaseloadHandOver, StorageNames.Provider)] IPersistentState<CaseloadHandOverState> record,
    IOptions<CaseloadOptions> options,
    IFaultPoints faults,
    TimeProvider time,
    ILogger<CaseloadHandOverGrain> logger) : Grain, ICaseloadHandOverGrain, IRemindable
{
    public const string ResumeReminder = "caseload-hand-over";
    private const int PageSize = 1000;
    private const int Concurrency = 8;

    private IGrainTimer? _next;
    private TaskCompletionSource? _completed;

    private CaseloadHandOverState State => record.State;

    private string FromCoachId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A hand-over under way when its last activation ended (a crash, a stopped silo) goes on from what was stored.
        if (State.Status == HandOverStatus.Running)
        {
            ScheduleNext();
        }

        return Task.CompletedTask;
    }

    public async Task<HandOverPlan> PlanAsync(IReadOnlyList<string> toCoachIds)
    {
        if (State.Status == HandOverStatus.Running)
        {
            if (State.ToCoachIds.SequenceEqual(toCoachIds, StringComparer.Ordinal))
            {
                return new HandOverPlan(State.Number, [.. State.Steps.Select(s => s.ClientId)]);
            }

            throw new PreconditionFailedException(
                Reasons.HandOverUnderWay,
                $"the caseload of {FromCoachId} is being handed over to {string.Join(", ", State.ToCoachIds)}; ask again once that is done");
        }

        var people = await CaseloadAsync();
        var colleagues = new List<(string CoachId, int Free)>();
        foreach (var id in toCoachIds)
        {
            var coach = await GrainFactory.GetGrain<ICoachGrain>(id).GetAsync(); // NOT_FOUND for an unknown colleague
            colleagues.Add((id, Math.Max(0, coach.CaseloadLimit - coach.CaseloadSize)));
        }

        var plan = HandOverPlanning.Fill(people, colleagues) ?? throw new PreconditionFailedException(
            Reasons.CaseloadFull,
            $"{people.Count} people to hand over and {colleagues.Sum(c => c.Free)} free places with {string.Join(", ", toCoachIds)}; nobody was moved");

        KeepPreviousOutcome();
        State.Number++;
        State.Status = HandOverStatus.Planned;
        State.ToCoachIds = [.. toCoachIds];
        State.Steps = [.. plan.Select(step => new HandOverStepRecord { ClientId = step.Person, To = step.To })];
        State.Full = [.. colleagues.Where(c => c.Free == 0).Select(c => c.CoachId)];
        State.Remaining = 0;
        State.PlannedAt = time.GetUtcNow();
        State.CompletedAt = null;
        await SaveAsync();
        return new HandOverPlan(State.Number, [.. plan.Select(step => step.Person)]);
    }

    public async Task StartAsync(int number)
    {
        CheckNumber(number);
        if (number != State.Number || State.Status == HandOverStatus.Completed)
        {
            return;
        }

        if (State.Status == HandOverStatus.Planned)
        {
            State.Status = HandOverStatus.Running;
            await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.HandOverResumeInterval, options.Value.HandOverResumeInterval);
            await SaveAsync();
            LogStarted(logger, FromCoachId, State.Number, State.Steps.Count);
        }

        _next ??= ScheduleNext();
    }

    public async Task<HandOverView> WaitUntilCompletedAsync(int number, TimeSpan maxWait)
    {
        if (number == 0 && State.Number == 0)
        {
            return View(); // nothing was ever planned, so nothing is under way
        }

        number = number == 0 ? State.Number : number;
        CheckNumber(number);
        if (State.Previous?.Number == number)
        {
            return PreviousView(State.Previous);
        }

        if (State.Status != HandOverStatus.Completed && maxWait > TimeSpan.Zero)
        {
            _completed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await Task.WhenAny(_completed.Task, Task.Delay(maxWait, time));
        }

        // While this call waited, another caller may have planned the next hand-over: answer for the one asked about.
        return State.Previous?.Number == number ? PreviousView(State.Previous) : View();
    }

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName != ResumeReminder)
        {
            return Task.CompletedTask;
        }

        if (State.Status == HandOverStatus.Running)
        {
            _next ??= ScheduleNext();
            return Task.CompletedTask;
        }

        return UnregisterResumeReminderAsync();
    }

    /// <summary>Moves the next few people and stores their outcomes; completes the hand-over when nobody is pending.</summary>
    private async Task MoveNextAsync()
    {
        _next = null;
        if (State.Status != HandOverStatus.Running)
        {
            return;
        }

        try
        {
            var steps = State.Steps.Where(s => s.Outcome == HandOverStepOutcome.Pending).Take(Concurrency).ToList();
            if (steps.Count == 0)
            {
                await CompleteAsync();
                return;
            }

            var outcomes = await Task.WhenAll(steps.Select(step => MoveAsync(step.ClientId, step.To)));
            faults.Hit(FaultPoint.HandOverAfterMove);
            for (var i = 0; i < steps.Count; i++)
            {
                Apply(steps[i], outcomes[i]);
            }

            await SaveAsync();
            ScheduleNext();
        }
        catch (Exception exception)
        {
            // Memory may be ahead of storage: go back to what was stored. The reminder continues from there, asking
            // each person still pending where they are now.
            LogBroken(logger, FromCoachId, exception);
            await RereadOrDeactivateAsync();
        }
    }

    private async Task CompleteAsync()
    {
        State.Remaining = (await GrainFactory.GetGrain<ICoachGrain>(FromCoachId).GetAsync()).CaseloadSize;
        State.Status = HandOverStatus.Completed;
        State.CompletedAt = time.GetUtcNow();
        await SaveAsync();
        await UnregisterResumeReminderAsync();
        LogCompleted(logger, FromCoachId, State.Number, State.Steps.Count(s => s.Outcome == HandOverStepOutcome.Moved), State.Remaining);
        _completed?.TrySetResult();
        _completed = null;
    }

    private async Task<List<string>> CaseloadAsync()
    {
        var coach = GrainFactory.GetGrain<ICoachGrain>(FromCoachId);
        var people = new List<string>();
        string? after = null;
        do
        {
            var page = await coach.GetCaseloadAsync(after, PageSize);
            people.AddRange(page.Entries.Select(e => e.ClientId));
            after = page.NextAfter;
        }
        while (after is not null);
        return people;
    }

    /// <summary>A completed hand-over's outcome stays answerable for a caller still waiting when the next is planned.</summary>
    private void KeepPreviousOutcome()
    {
        if (State.Status == HandOverStatus.Completed)
        {
            State.Previous = new HandOverResultRecord
            {
                Number = State.Number,
                ToCoachIds = State.ToCoachIds,
                Moved = [.. State.Steps.Where(s => s.Outcome == HandOverStepOutcome.Moved)],
                Remaining = State.Remaining,
            };
        }
    }

    private void CheckNumber(int number)
    {
        if (number < 1 || number > State.Number || (number < State.Number && State.Previous?.Number != number))
        {
            throw new PreconditionFailedException(Reasons.HandOverUnderWay, $"hand-over {number} of {FromCoachId} was replaced by a newer plan before it started; nobody of it was moved");
        }
    }

    private async Task RereadOrDeactivateAsync()
    {
        try
        {
            await record.ReadStateAsync();
        }
        catch (Exception exception)
        {
            LogBroken(logger, FromCoachId, exception);
            DeactivateOnIdle();
        }
    }

    private async Task UnregisterResumeReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private IGrainTimer ScheduleNext()
    {
        _next?.Dispose();
        _next = this.RegisterGrainTimer(MoveNextAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return _next;
    }

    private Task SaveAsync() => record.WriteOrDeactivateAsync(this);

    private HandOverView View() => new(State.Number, State.Status, Transfers(State.ToCoachIds, State.Steps.Where(s => s.Outcome == HandOverStepOutcome.Moved)), State.Remaining);

    private static HandOverView PreviousView(HandOverResultRecord previous) =>
        new(previous.Number, HandOverStatus.Completed, Transfers(previous.ToCoachIds, previous.Moved), previous.Remaining);

    private static List<HandOverTransfer> Transfers(List<string> colleagues, IEnumerable<HandOverStepRecord> moved)
    {
        var byColleague = moved.ToLookup(s => s.To, s => s.ClientId, StringComparer.Ordinal);
        return [.. colleagues.Select(id => new HandOverTransfer(id, [.. byColleague[id]]))];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Caseload hand-over {Number} of coach {CoachId} started for {People} people")]
    private static partial void LogStarted(ILogger logger, string coachId, int number, int people);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caseload hand-over {Number} of coach {CoachId} completed: {Moved} moved, {Remaining} remaining")]
    private static partial void LogCompleted(ILogger logger, string coachId, int number, int moved, int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Caseload hand-over of coach {CoachId} broke off; it continues from its stored progress")]
    private static partial void LogBroken(ILogger logger, string coachId, Exception exception);
}
