using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;
using Participatie.Domain.Contracts;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Clients;

/// <summary>
/// The social contract: goals that the person or their coach proposes and both agree, with review dates and progress;
/// the coach's suggestions, which the person accepts or declines in their own words; and the "legally binding" mark.
/// Every change is kept in the contract's history. The rules are <see cref="SocialContract"/>'s: each call checks the
/// request, makes sure the case is open, asks the contract, and stores what it decided in one write. A declined
/// suggestion has no consequence: the regime, the benefit and every figure are computed without reading suggestions.
/// </summary>
public sealed partial class ClientGrain
{
    public Task<SocialContractView> GetSocialContractAsync()
    {
        EnsureRegistered();
        return Task.FromResult(State.ContractView());
    }

    public Task<IReadOnlyList<ContractChangeView>> ListContractHistoryAsync(long? before, int size)
    {
        EnsureRegistered();
        return Task.FromResult<IReadOnlyList<ContractChangeView>>(State.ContractHistory.NewestFirst(before, size, c => c.ToView()));
    }

    public async Task<GoalView> ProposeGoalAsync(ContractActor actor, ProposeGoalCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = ProposeGoal.Check(violations, command.Domain, command.Description, command.ReviewOn, command.RequestId, Today.In(Time));
        violations.ThrowIfAny();
        EnsureCaseOpen();
        return await StoreAsync(State.Contract(ClientId).Propose(actor.ToDomain(), request!, Time.GetUtcNow()));
    }

    public async Task<GoalView> AgreeGoalAsync(ContractActor actor, string goalId)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = AgreeGoal.Check(violations, goalId);
        var (contract, goal) = GoalOnOpenCase(request?.GoalId, violations);
        return await StoreAsync(contract.Agree(actor.ToDomain(), goal, Time.GetUtcNow()));
    }

    public async Task<GoalView> RecordGoalProgressAsync(ContractActor actor, GoalProgressCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = RecordProgress.Check(violations, command.GoalId, command.Percent, command.Note);
        var (contract, goal) = GoalOnOpenCase(request?.GoalId, violations);
        return await StoreAsync(contract.RecordProgress(actor.ToDomain(), goal, request!, Time.GetUtcNow()));
    }

    public async Task<GoalView> ReviewGoalAsync(ContractActor actor, ReviewGoalCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = ReviewGoal.Check(violations, command.GoalId, command.NextReviewOn, command.Note, Today.In(Time));
        var (contract, goal) = GoalOnOpenCase(request?.GoalId, violations);
        return await StoreAsync(contract.Review(actor.ToDomain(), goal, request!, Time.GetUtcNow()));
    }

    public async Task<GoalView> CloseGoalAsync(ContractActor actor, CloseGoalCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = CloseGoal.Check(violations, command.GoalId, command.Achieved, command.Note);
        var (contract, goal) = GoalOnOpenCase(request?.GoalId, violations);
        return await StoreAsync(contract.Close(actor.ToDomain(), goal, request!, Time.GetUtcNow()));
    }

    public async Task<SuggestionView> MakeSuggestionAsync(ContractActor actor, SuggestionCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = MakeSuggestion.Check(violations, command.Domain, command.Text, command.RequestId);
        violations.ThrowIfAny();
        EnsureCaseOpen();
        return await StoreAsync(State.Contract(ClientId).Suggest(actor.ToDomain(), request!, Time.GetUtcNow()));
    }

    public async Task<SuggestionView> RespondToSuggestionAsync(ContractActor actor, SuggestionAnswerCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = AnswerSuggestion.Check(violations, command.SuggestionId, command.Accept, command.Words);
        violations.ThrowIfAny();
        var contract = State.Contract(ClientId);
        var suggestion = contract.FindSuggestion(request!.SuggestionId) ?? throw new NotFoundException("suggestion", request.SuggestionId);
        EnsureCaseOpen();
        var decision = contract.Answer(actor.ToDomain(), suggestion, request, Time.GetUtcNow());
        var answered = await StoreAsync(decision);
        if (decision.Changed && !request.Accept)
        {
            // The coach hears that it was declined, not why: the person's words stay in the contract.
            await NotifyCoachAsync(InboxItemKind.SuggestionDeclined, $"declined the suggestion {answered.SuggestionId}");
        }

        return answered;
    }

    public async Task<SocialContractView> SetLegallyBindingAsync(ContractActor actor, bool binding)
    {
        EnsureRegistered();
        EnsureCaseOpen();
        var decision = State.Contract(ClientId).SetBinding(actor.ToDomain(), binding, Time.GetUtcNow());
        var mark = Settle(decision);
        if (decision.Changed)
        {
            (State.LegallyBinding, State.LegallyBindingSince, State.PendingBinding, State.PendingBindingBy) = (mark.InForce, mark.Since, mark.PendingValue, mark.PendingParty);
            State.ContractHistory.Add(decision.Entry!.ToRecord());
            await SaveAsync();
        }

        return State.ContractView();
    }

    /// <summary>Free text of the contract goes at anonymisation; domains, statuses, dates and percentages stay for statistics.</summary>
    private void AnonymiseContract()
    {
        foreach (var goal in State.Goals)
        {
            goal.Description = string.Empty;
            goal.ClosingNote = goal.ClosingNote is null ? null : string.Empty;
            goal.RequestId = null;
            goal.RequestFingerprint = null;
            goal.Progress.ForEach(p => p.Note = string.Empty);
            goal.Reviews.ForEach(r => r.Note = string.Empty);
        }

        foreach (var suggestion in State.Suggestions)
        {
            suggestion.Text = string.Empty;
            suggestion.Words = suggestion.Words is null ? null : string.Empty;
            suggestion.RequestId = null;
            suggestion.RequestFingerprint = null;
        }
    }

    /// <summary>The goal a checked request names (NOT_FOUND when there is none), once the case is known to be open.</summary>
    private (SocialContract Contract, Goal Goal) GoalOnOpenCase(string? goalId, Violations violations)
    {
        violations.ThrowIfAny();
        var contract = State.Contract(ClientId);
        var goal = contract.FindGoal(goalId!) ?? throw new NotFoundException("goal", goalId!);
        EnsureCaseOpen();
        return (contract, goal);
    }

    /// <summary>Stores a goal the contract changed, in its place on the record, with the history entry (one write).</summary>
    private async Task<GoalView> StoreAsync(Decision<Goal> decision)
    {
        var goal = Settle(decision).ToRecord();
        if (decision.Changed)
        {
            State.Goals.Put(goal, g => g.GoalId == goal.GoalId);
            State.ContractHistory.Add(decision.Entry!.ToRecord());
            await SaveAsync();
        }

        return goal.ToView();
    }

    private async Task<SuggestionView> StoreAsync(Decision<Suggestion> decision)
    {
        var suggestion = Settle(decision).ToRecord();
        if (decision.Changed)
        {
            State.Suggestions.Put(suggestion, s => s.SuggestionId == suggestion.SuggestionId);
            State.ContractHistory.Add(decision.Entry!.ToRecord());
            await SaveAsync();
        }

        return suggestion.ToView();
    }

    /// <summary>The item a decision of the contract or the record holds; a refusal becomes the failure the caller gets.</summary>
    private static T Settle<T>(Decision<T> decision)
        where T : class => decision.Refusal switch
        {
            null => decision.Item!,
            { Holder: var (kind, id) } reused => throw new AlreadyExistsException(kind, id, reused.Message),
            var refusal => throw new PreconditionFailedException(refusal.Code, refusal.Message),
        };

    /// <summary>The snake_case name of an enum value, as callers read it (e.g. an activity type in a coach's inbox).</summary>
    private static string Snake<T>(T value)
        where T : struct, Enum => string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
