using System.Globalization;
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
/// Every change is kept in the contract's history. A declined suggestion has no consequence: the regime, the benefit
/// and every figure are computed without reading suggestions at all.
/// </summary>
public sealed partial class ClientGrain
{
    private const string GoalPrefix = "goal-";
    private const string SuggestionPrefix = "sug-";
    private const int MaxRequestIdLength = 100;

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
        var domain = violations.Defined("domain", command.Domain);
        var description = violations.Words("description", command.Description, ContractRules.MaxDescriptionLength);
        var reviewOn = ContractRules.ReviewDate(violations, "review_on", command.ReviewOn, Today.In(Time));
        var requestId = violations.Text("request_id", command.RequestId, MaxRequestIdLength, required: false);
        violations.ThrowIfAny();
        EnsureCaseOpen();
        EnsureParty(actor, ContractChange.GoalProposed);

        var fingerprint = Fingerprint(domain, description, reviewOn, actor.Party);
        if (requestId is not null && State.Goals.Find(g => g.RequestId == requestId) is { } earlier)
        {
            return earlier.RequestFingerprint == fingerprint
                ? earlier.ToView()
                : throw new AlreadyExistsException("goal", earlier.GoalId, "request_id was used before for another goal; use a new request_id");
        }

        Refuse(ContractRules.CheckRoom(State.Goals.Count, ContractRules.MaxGoals, "goals"));
        EnsureHistoryRoom();
        var now = Time.GetUtcNow();
        var goal = new GoalRecord
        {
            GoalId = GoalPrefix + (State.Goals.Count + 1).ToString(CultureInfo.InvariantCulture),
            Domain = domain,
            Description = description!,
            Status = GoalStatus.Proposed,
            ProposedBy = actor.Party,
            ProposedAt = now,
            AgreedByPersonAt = actor.Party == Party.Person ? now : null,
            AgreedByCoachAt = actor.Party == Party.Coach ? now : null,
            ReviewOn = reviewOn!.Value,
            RequestId = requestId,
            RequestFingerprint = fingerprint,
        };
        State.Goals.Add(goal);
        Record(actor, ContractChange.GoalProposed, goal.GoalId, $"domain {Snake(domain)}, review on {Iso(goal.ReviewOn)}");
        await SaveAsync();
        return goal.ToView();
    }

    public async Task<GoalView> AgreeGoalAsync(ContractActor actor, string goalId)
    {
        EnsureRegistered();
        var goal = FindGoal(goalId, new Violations());
        EnsureCaseOpen();
        EnsureParty(actor, ContractChange.GoalAgreed);
        Refuse(ContractRules.CheckOpen(goal.Status, goal.GoalId));
        if ((actor.Party == Party.Person ? goal.AgreedByPersonAt : goal.AgreedByCoachAt) is not null)
        {
            return goal.ToView();
        }

        EnsureHistoryRoom();
        var now = Time.GetUtcNow();
        if (actor.Party == Party.Person)
        {
            goal.AgreedByPersonAt = now;
        }
        else
        {
            goal.AgreedByCoachAt = now;
        }

        goal.Status = ContractRules.AfterAgreement(goal.AgreedByPersonAt is not null, goal.AgreedByCoachAt is not null);
        Record(actor, ContractChange.GoalAgreed, goal.GoalId, $"status {Snake(goal.Status)}");
        await SaveAsync();
        return goal.ToView();
    }

    public async Task<GoalView> RecordGoalProgressAsync(ContractActor actor, GoalProgressCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        violations.Range("percent", command.Percent, 0, 100);
        var note = violations.Words("note", command.Note, ContractRules.MaxNoteLength, required: false);
        var goal = FindGoal(command.GoalId, violations);
        EnsureCaseOpen();
        EnsureParty(actor, ContractChange.GoalProgress);
        Refuse(ContractRules.CheckProgress(goal.Status, goal.GoalId));
        Refuse(ContractRules.CheckRoom(goal.Progress.Count, ContractRules.MaxProgressPerGoal, "progress notes on this goal"));
        EnsureHistoryRoom();

        goal.Progress.Add(new ProgressRecord { Percent = command.Percent, Note = note ?? string.Empty, By = actor.Party, At = Time.GetUtcNow() });
        Record(actor, ContractChange.GoalProgress, goal.GoalId, $"{command.Percent.ToString(CultureInfo.InvariantCulture)}%");
        await SaveAsync();
        return goal.ToView();
    }

    public async Task<GoalView> ReviewGoalAsync(ContractActor actor, ReviewGoalCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var next = ContractRules.ReviewDate(violations, "next_review_on", command.NextReviewOn, Today.In(Time));
        var note = violations.Words("note", command.Note, ContractRules.MaxNoteLength, required: false);
        var goal = FindGoal(command.GoalId, violations);
        EnsureCaseOpen();
        EnsureParty(actor, ContractChange.GoalReviewed);
        Refuse(ContractRules.CheckOpen(goal.Status, goal.GoalId));
        Refuse(ContractRules.CheckRoom(goal.Reviews.Count, ContractRules.MaxReviewsPerGoal, "reviews of this goal"));
        EnsureHistoryRoom();

        goal.ReviewOn = next!.Value;
        goal.Reviews.Add(new ReviewRecord { NextReviewOn = next.Value, Note = note ?? string.Empty, By = actor.Party, At = Time.GetUtcNow() });
        Record(actor, ContractChange.GoalReviewed, goal.GoalId, $"next review on {Iso(next.Value)}");
        await SaveAsync();
        return goal.ToView();
    }

    public async Task<GoalView> CloseGoalAsync(ContractActor actor, CloseGoalCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var note = violations.Words("note", command.Note, ContractRules.MaxNoteLength, required: false);
        var goal = FindGoal(command.GoalId, violations);
        EnsureCaseOpen();
        EnsureParty(actor, ContractChange.GoalClosed);
        Refuse(ContractRules.CheckOpen(goal.Status, goal.GoalId));
        EnsureHistoryRoom();

        goal.Status = command.Achieved ? GoalStatus.Achieved : GoalStatus.Stopped;
        goal.ClosedAt = Time.GetUtcNow();
        goal.ClosedBy = actor.Party;
        goal.ClosingNote = note;
        Record(actor, ContractChange.GoalClosed, goal.GoalId, Snake(goal.Status));
        await SaveAsync();
        return goal.ToView();
    }

    public async Task<SuggestionView> MakeSuggestionAsync(ContractActor actor, SuggestionCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var domain = violations.Defined("domain", command.Domain);
        var text = violations.Words("text", command.Text, ContractRules.MaxDescriptionLength);
        var requestId = violations.Text("request_id", command.RequestId, MaxRequestIdLength, required: false);
        violations.ThrowIfAny();
        EnsureCaseOpen();
        EnsureParty(actor, ContractChange.SuggestionMade);

        var fingerprint = Fingerprint(domain, text, actor.Id);
        if (requestId is not null && State.Suggestions.Find(s => s.RequestId == requestId) is { } earlier)
        {
            return earlier.RequestFingerprint == fingerprint
                ? earlier.ToView()
                : throw new AlreadyExistsException("suggestion", earlier.SuggestionId, "request_id was used before for another suggestion; use a new request_id");
        }

        Refuse(ContractRules.CheckRoom(State.Suggestions.Count, ContractRules.MaxSuggestions, "suggestions"));
        EnsureHistoryRoom();
        var suggestion = new SuggestionRecord
        {
            SuggestionId = SuggestionPrefix + (State.Suggestions.Count + 1).ToString(CultureInfo.InvariantCulture),
            Domain = domain,
            Text = text!,
            MadeBy = actor.Id,
            MadeAt = Time.GetUtcNow(),
            Status = SuggestionStatus.Open,
            RequestId = requestId,
            RequestFingerprint = fingerprint,
        };
        State.Suggestions.Add(suggestion);
        Record(actor, ContractChange.SuggestionMade, suggestion.SuggestionId, $"domain {Snake(domain)}");
        await SaveAsync();
        return suggestion.ToView();
    }

    public async Task<SuggestionView> RespondToSuggestionAsync(ContractActor actor, SuggestionAnswerCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var words = violations.Words("words", command.Words, ContractRules.MaxDescriptionLength, required: !command.Accept);
        var suggestion = FindSuggestion(command.SuggestionId, violations);
        EnsureCaseOpen();
        var change = command.Accept ? ContractChange.SuggestionAccepted : ContractChange.SuggestionDeclined;
        EnsureParty(actor, change);
        var (status, refusal) = ContractRules.Answer(suggestion.Status, suggestion.Words, command.Accept, words, suggestion.SuggestionId);
        Refuse(refusal);
        if (status is null)
        {
            return suggestion.ToView();
        }

        EnsureHistoryRoom();
        suggestion.Status = status.Value;
        suggestion.Words = words;
        suggestion.AnsweredAt = Time.GetUtcNow();

        // The history says that the person answered, not what they wrote: their words stay with the suggestion.
        Record(actor, change, suggestion.SuggestionId, Snake(status.Value));
        await SaveAsync();
        if (!command.Accept)
        {
            // The coach hears that it was declined, not why: the person's words stay in the contract.
            await NotifyCoachAsync(InboxItemKind.SuggestionDeclined, $"declined the suggestion {suggestion.SuggestionId}");
        }

        return suggestion.ToView();
    }

    public async Task<SocialContractView> SetLegallyBindingAsync(ContractActor actor, bool binding)
    {
        EnsureRegistered();
        EnsureCaseOpen();
        EnsureParty(actor, ContractChange.BindingRequested);
        var decision = ContractRules.Binding(State.LegallyBinding, State.PendingBinding, State.PendingBindingBy, actor.Party, binding);
        if (decision.Change == ContractChange.Unspecified)
        {
            return State.ContractView();
        }

        EnsureHistoryRoom();
        if (decision.InForce != State.LegallyBinding)
        {
            State.LegallyBinding = decision.InForce;
            State.LegallyBindingSince = decision.InForce ? Time.GetUtcNow() : null;
        }

        State.PendingBinding = decision.PendingValue;
        State.PendingBindingBy = decision.PendingParty;
        Record(actor, decision.Change, "contract", binding ? "legally binding" : "not legally binding");
        await SaveAsync();
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

    private GoalRecord FindGoal(string goalId, Violations violations)
    {
        var index = CheckSequenceId(violations, "goal_id", goalId, GoalPrefix);
        violations.ThrowIfAny();
        return index <= State.Goals.Count ? State.Goals[index - 1] : throw new NotFoundException("goal", goalId);
    }

    private SuggestionRecord FindSuggestion(string suggestionId, Violations violations)
    {
        var index = CheckSequenceId(violations, "suggestion_id", suggestionId, SuggestionPrefix);
        violations.ThrowIfAny();
        return index <= State.Suggestions.Count ? State.Suggestions[index - 1] : throw new NotFoundException("suggestion", suggestionId);
    }

    /// <summary>An id of the form prefix + a number from 1 (goal-3, sug-1): the item's position on the record.</summary>
    private static int CheckSequenceId(Violations violations, string field, string? id, string prefix)
    {
        if (id is { Length: <= 16 } && id.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index > 0 && id == prefix + index.ToString(CultureInfo.InvariantCulture))
        {
            return index;
        }

        violations.Add(field, $"must be {prefix} followed by a number, e.g. {prefix}1");
        return 0;
    }

    /// <summary>The party must have a part in the change, and be who they say: the person themselves, their own coach, a team the person agreed to.</summary>
    private void EnsureParty(ContractActor actor, ContractChange change)
    {
        Refuse(ContractRules.MayAct(actor.Party, change));
        EnsureActor(actor);
    }

    private void EnsureActor(ContractActor actor)
    {
        if (actor.Party == Party.Person && actor.Id != ClientId)
        {
            throw new PreconditionFailedException(Reasons.NotYourPart, "a person acts only on their own record");
        }

        if (actor.Party == Party.Coach && actor.Id != State.CoachId)
        {
            throw new PreconditionFailedException(Reasons.NotInCaseload, $"only the person's own coach can do this; {actor.Id} is not their coach");
        }

        if (actor.Party == Party.Team && !State.TeamInvolvement)
        {
            throw new PreconditionFailedException(Reasons.NotYourPart, "the person has not agreed that their neighbourhood team is involved");
        }
    }

    private void EnsureHistoryRoom() =>
        Refuse(ContractRules.CheckRoom(State.ContractHistory.Count, ContractRules.MaxHistory, "changes in the contract's history"));

    private void Record(ContractActor actor, ContractChange change, string subjectId, string detail) =>
        State.ContractHistory.Add(new ContractChangeRecord
        {
            Sequence = State.ContractHistory.Count + 1,
            At = Time.GetUtcNow(),
            Party = actor.Party,
            ActorId = actor.Id,
            Change = change,
            SubjectId = subjectId,
            Detail = detail,
        });

    private static void Refuse(ContractRefusal? refusal)
    {
        if (refusal is not null)
        {
            throw new PreconditionFailedException(refusal.Code, refusal.Message);
        }
    }

    private static string Fingerprint(params object?[] parts) =>
        string.Join('\u001f', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));

    private static string Snake<T>(T value)
        where T : struct, Enum => string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
