using System.Globalization;

namespace Participatie.Domain.Contracts;

/// <summary>
/// The social contract of one person as it stands, and the rules of every change to it: goals that the person or
/// their coach proposes and both agree, with progress, reviews and a close; the coach's suggestions, which only the
/// person answers; the legally binding mark, which changes only when both said so; and the history of every change.
/// <para>
/// Decisions: a snapshot that decides, never stores. The grain builds one from its stored records for each call, asks
/// it one question and stores the answer in one write: a <see cref="Decision{T}"/> with the item as it is to be stored
/// and the history entry, a repeat (a request sent again, an agreement given twice) that changes nothing, or a refusal
/// with a stable code. The items are plain immutable records, so the rules read and test without a silo, and the
/// stored records (with their Orleans attributes and JSON names that never change) stay the grain's business. The
/// lists are read, not copied: looking up one goal maps one stored goal, and a change needs only the history's
/// length, never the history. Checking requests (<c>ProposeGoal.Check</c>) is separate from deciding, because the
/// grain checks between the two that the case is still open, as it did before this type existed: invalid input is
/// INVALID_ARGUMENT even on a closed case, and an unknown goal NOT_FOUND.
/// </para>
/// </summary>
public sealed class SocialContract(Parties parties, IReadOnlyList<Goal> goals, IReadOnlyList<Suggestion> suggestions, BindingMark binding, int historyCount)
{
    /// <summary>The goal a well-formed id names, or null when the record has no such goal.</summary>
    public Goal? FindGoal(string goalId) => ItemAt(goals, ContractRules.Position(goalId, Goal.IdPrefix));

    /// <summary>The suggestion a well-formed id names, or null when the record has no such suggestion.</summary>
    public Suggestion? FindSuggestion(string suggestionId) => ItemAt(suggestions, ContractRules.Position(suggestionId, Suggestion.IdPrefix));

    /// <summary>A party proposes a goal and so agrees to it; the same request again is answered with the same goal.</summary>
    public Decision<Goal> Propose(Actor actor, ProposeGoal request, DateTimeOffset now)
    {
        var fingerprint = Fingerprints.Of(request.Domain, request.Description, request.ReviewOn, actor.Party);
        if (MayAct(actor, ContractChange.GoalProposed) is { } refusal)
        {
            return Decision<Goal>.Refuse(refusal);
        }

        if (request.RequestId is not null && goals.FirstOrDefault(g => g.RequestId == request.RequestId) is { } earlier)
        {
            return earlier.RequestFingerprint == fingerprint
                ? Decision<Goal>.Repeat(earlier)
                : Decision<Goal>.Refuse(ContractRefusal.Reused("goal", earlier.GoalId, "request_id was used before for another goal; use a new request_id"));
        }

        if ((ContractRules.CheckRoom(goals.Count, ContractRules.MaxGoals, "goals") ?? HistoryRoom()) is { } full)
        {
            return Decision<Goal>.Refuse(full);
        }

        var goal = new Goal(
            Goal.IdPrefix + (goals.Count + 1).ToString(CultureInfo.InvariantCulture),
            request.Domain,
            request.Description,
            GoalStatus.Proposed,
            actor.Party,
            now,
            AgreedByPersonAt: actor.Party == Party.Person ? now : null,
            AgreedByCoachAt: actor.Party == Party.Coach ? now : null,
            request.ReviewOn,
            Progress: [],
            Reviews: [],
            ClosedAt: null,
            ClosingNote: null,
            ClosedBy: null,
            request.RequestId,
            fingerprint);
        return Changed(goal, Entry(actor, ContractChange.GoalProposed, goal.GoalId, $"domain {Names.Snake(goal.Domain)}, review on {Iso(goal.ReviewOn)}", now));
    }

    /// <summary>A party agrees to an open goal; the goal is agreed once both did. Agreeing again changes nothing.</summary>
    public Decision<Goal> Agree(Actor actor, Goal goal, DateTimeOffset now)
    {
        if ((MayAct(actor, ContractChange.GoalAgreed) ?? ContractRules.CheckOpen(goal.Status, goal.GoalId)) is { } refusal)
        {
            return Decision<Goal>.Refuse(refusal);
        }

        if (goal.AgreedBy(actor.Party))
        {
            return Decision<Goal>.Repeat(goal);
        }

        if (HistoryRoom() is { } full)
        {
            return Decision<Goal>.Refuse(full);
        }

        var agreed = actor.Party == Party.Person ? goal with { AgreedByPersonAt = now } : goal with { AgreedByCoachAt = now };
        agreed = agreed with { Status = ContractRules.AfterAgreement(agreed.AgreedByPersonAt is not null, agreed.AgreedByCoachAt is not null) };
        return Changed(agreed, Entry(actor, ContractChange.GoalAgreed, goal.GoalId, $"status {Names.Snake(agreed.Status)}", now));
    }

    /// <summary>Progress on a goal both parties agreed, while it is open, up to <see cref="ContractRules.MaxProgressPerGoal"/> notes.</summary>
    public Decision<Goal> RecordProgress(Actor actor, Goal goal, RecordProgress request, DateTimeOffset now)
    {
        var refusal = MayAct(actor, ContractChange.GoalProgress)
            ?? ContractRules.CheckProgress(goal.Status, goal.GoalId)
            ?? ContractRules.CheckRoom(goal.Progress.Count, ContractRules.MaxProgressPerGoal, "progress notes on this goal")
            ?? HistoryRoom();
        if (refusal is not null)
        {
            return Decision<Goal>.Refuse(refusal);
        }

        var progressed = goal with { Progress = [.. goal.Progress, new GoalProgress(request.Percent, request.Note, actor.Party, now)] };
        return Changed(progressed, Entry(actor, ContractChange.GoalProgress, goal.GoalId, $"{request.Percent.ToString(CultureInfo.InvariantCulture)}%", now));
    }

    /// <summary>A review of an open goal sets its next review date, up to <see cref="ContractRules.MaxReviewsPerGoal"/> reviews.</summary>
    public Decision<Goal> Review(Actor actor, Goal goal, ReviewGoal request, DateTimeOffset now)
    {
        var refusal = MayAct(actor, ContractChange.GoalReviewed)
            ?? ContractRules.CheckOpen(goal.Status, goal.GoalId)
            ?? ContractRules.CheckRoom(goal.Reviews.Count, ContractRules.MaxReviewsPerGoal, "reviews of this goal")
            ?? HistoryRoom();
        if (refusal is not null)
        {
            return Decision<Goal>.Refuse(refusal);
        }

        var reviewed = goal with
        {
            ReviewOn = request.NextReviewOn,
            Reviews = [.. goal.Reviews, new GoalReview(request.NextReviewOn, request.Note, actor.Party, now)],
        };
        return Changed(reviewed, Entry(actor, ContractChange.GoalReviewed, goal.GoalId, $"next review on {Iso(request.NextReviewOn)}", now));
    }

    /// <summary>Either party closes an open goal as achieved or stopped; it no longer changes after.</summary>
    public Decision<Goal> Close(Actor actor, Goal goal, CloseGoal request, DateTimeOffset now)
    {
        if ((MayAct(actor, ContractChange.GoalClosed) ?? ContractRules.CheckOpen(goal.Status, goal.GoalId) ?? HistoryRoom()) is { } refusal)
        {
            return Decision<Goal>.Refuse(refusal);
        }

        var closed = goal with
        {
            Status = request.Achieved ? GoalStatus.Achieved : GoalStatus.Stopped,
            ClosedAt = now,
            ClosedBy = actor.Party,
            ClosingNote = request.Note,
        };
        return Changed(closed, Entry(actor, ContractChange.GoalClosed, goal.GoalId, Names.Snake(closed.Status), now));
    }

    /// <summary>The coach makes a suggestion; the same request again is answered with the same suggestion.</summary>
    public Decision<Suggestion> Suggest(Actor actor, MakeSuggestion request, DateTimeOffset now)
    {
        var fingerprint = Fingerprints.Of(request.Domain, request.Text, actor.Id);
        if (MayAct(actor, ContractChange.SuggestionMade) is { } refusal)
        {
            return Decision<Suggestion>.Refuse(refusal);
        }

        if (request.RequestId is not null && suggestions.FirstOrDefault(s => s.RequestId == request.RequestId) is { } earlier)
        {
            return earlier.RequestFingerprint == fingerprint
                ? Decision<Suggestion>.Repeat(earlier)
                : Decision<Suggestion>.Refuse(ContractRefusal.Reused("suggestion", earlier.SuggestionId, "request_id was used before for another suggestion; use a new request_id"));
        }

        if ((ContractRules.CheckRoom(suggestions.Count, ContractRules.MaxSuggestions, "suggestions") ?? HistoryRoom()) is { } full)
        {
            return Decision<Suggestion>.Refuse(full);
        }

        var suggestion = new Suggestion(
            Suggestion.IdPrefix + (suggestions.Count + 1).ToString(CultureInfo.InvariantCulture),
            request.Domain,
            request.Text,
            MadeBy: actor.Id,
            MadeAt: now,
            SuggestionStatus.Open,
            Words: null,
            AnsweredAt: null,
            request.RequestId,
            fingerprint);
        return Changed(suggestion, Entry(actor, ContractChange.SuggestionMade, suggestion.SuggestionId, $"domain {Names.Snake(suggestion.Domain)}", now));
    }

    /// <summary>
    /// The person answers a suggestion, declining in their own words, which stay with the suggestion: the history says
    /// that they answered, not what they wrote. The same answer in the same words again changes nothing.
    /// </summary>
    public Decision<Suggestion> Answer(Actor actor, Suggestion suggestion, AnswerSuggestion request, DateTimeOffset now)
    {
        var change = request.Accept ? ContractChange.SuggestionAccepted : ContractChange.SuggestionDeclined;
        var (status, refusal) = ContractRules.Answer(suggestion.Status, suggestion.Words, request.Accept, request.Words, suggestion.SuggestionId);
        if ((MayAct(actor, change) ?? refusal) is { } refused)
        {
            return Decision<Suggestion>.Refuse(refused);
        }

        if (status is null)
        {
            return Decision<Suggestion>.Repeat(suggestion);
        }

        if (HistoryRoom() is { } full)
        {
            return Decision<Suggestion>.Refuse(full);
        }

        var answered = suggestion with { Status = status.Value, Words = request.Words, AnsweredAt = now };
        return Changed(answered, Entry(actor, change, suggestion.SuggestionId, Names.Snake(status.Value), now));
    }

    /// <summary>
    /// A party says whether the contract is to be legally binding (<see cref="ContractRules.Binding"/>): the mark
    /// changes when both said the same; saying what is pending or in force again changes nothing.
    /// </summary>
    public Decision<BindingMark> SetBinding(Actor actor, bool wanted, DateTimeOffset now)
    {
        if (MayAct(actor, ContractChange.BindingRequested) is { } refusal)
        {
            return Decision<BindingMark>.Refuse(refusal);
        }

        var decision = ContractRules.Binding(binding.InForce, binding.PendingValue, binding.PendingParty, actor.Party, wanted);
        if (decision.Change == ContractChange.Unspecified)
        {
            return Decision<BindingMark>.Repeat(binding);
        }

        if (HistoryRoom() is { } full)
        {
            return Decision<BindingMark>.Refuse(full);
        }

        var since = decision.InForce == binding.InForce ? binding.Since : decision.InForce ? now : null;
        var mark = new BindingMark(decision.InForce, since, decision.PendingValue, decision.PendingParty);
        return Changed(mark, Entry(actor, decision.Change, "contract", wanted ? "legally binding" : "not legally binding", now));
    }

    private static T? ItemAt<T>(IReadOnlyList<T> items, int position)
        where T : class => position > 0 && position <= items.Count ? items[position - 1] : null;

    private static Decision<T> Changed<T>(T item, ContractEntry entry)
        where T : class => Decision<T>.Change(item, entry);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The party must have a part in the change (<see cref="ContractRules.MayAct"/>), and be who they say.</summary>
    private ContractRefusal? MayAct(Actor actor, ContractChange change) => ContractRules.MayAct(actor.Party, change) ?? parties.Check(actor);

    private ContractRefusal? HistoryRoom() =>
        ContractRules.CheckRoom(historyCount, ContractRules.MaxHistory, "changes in the contract's history");

    private ContractEntry Entry(Actor actor, ContractChange change, string subjectId, string detail, DateTimeOffset now) =>
        new(historyCount + 1, now, actor.Party, actor.Id, change, subjectId, detail);
}
