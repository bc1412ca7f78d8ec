using Participatie.Domain.Validation;

namespace Participatie.Domain.Contracts;

// Requests for changes of the social contract as the domain reads them once checked. Each Check collects every problem
// in the violations under the member's own name (nameof(ReviewOn)): the domain's name of the field, which the gateway
// turns into the caller's (review_on). Each returns null when any violation was found.

/// <summary>A goal that the person or their coach proposes.</summary>
public sealed record ProposeGoal(GoalDomain Domain, string Description, DateOnly ReviewOn, string? RequestId)
{
    public static ProposeGoal? Check(Violations violations, GoalDomain domain, string? description, string? reviewOn, string? requestId, DateOnly today)
    {
        violations.Defined(nameof(Domain), domain);
        var text = violations.Words(nameof(Description), description, ContractRules.MaxDescriptionLength);
        var on = ContractRules.ReviewDate(violations, nameof(ReviewOn), reviewOn, today);
        var key = ContractRules.RequestId(violations, nameof(RequestId), requestId);
        return violations.Any ? null : new(domain, text!, on!.Value, key);
    }
}

/// <summary>A party's agreement to a goal.</summary>
public sealed record AgreeGoal(string GoalId)
{
    public static AgreeGoal? Check(Violations violations, string? goalId)
    {
        var id = ContractRules.ItemId(violations, nameof(GoalId), goalId, Goal.IdPrefix);
        return violations.Any ? null : new(id!);
    }
}

/// <summary>Progress on an agreed goal, 0-100 percent, with an optional note.</summary>
public sealed record RecordProgress(string GoalId, int Percent, string Note)
{
    public static RecordProgress? Check(Violations violations, string? goalId, int percent, string? note)
    {
        violations.Range(nameof(Percent), percent, 0, 100);
        var text = violations.Words(nameof(Note), note, ContractRules.MaxNoteLength, required: false);
        var id = ContractRules.ItemId(violations, nameof(GoalId), goalId, Goal.IdPrefix);
        return violations.Any ? null : new(id!, percent, text ?? string.Empty);
    }
}

/// <summary>A review of a goal: the next review date and an optional note of what was discussed.</summary>
public sealed record ReviewGoal(string GoalId, DateOnly NextReviewOn, string Note)
{
    public static ReviewGoal? Check(Violations violations, string? goalId, string? nextReviewOn, string? note, DateOnly today)
    {
        var next = ContractRules.ReviewDate(violations, nameof(NextReviewOn), nextReviewOn, today);
        var text = violations.Words(nameof(Note), note, ContractRules.MaxNoteLength, required: false);
        var id = ContractRules.ItemId(violations, nameof(GoalId), goalId, Goal.IdPrefix);
        return violations.Any ? null : new(id!, next!.Value, text ?? string.Empty);
    }
}

/// <summary>Closes a goal as achieved or stopped, with an optional note (null when none was given).</summary>
public sealed record CloseGoal(string GoalId, bool Achieved, string? Note)
{
    public static CloseGoal? Check(Violations violations, string? goalId, bool achieved, string? note)
    {
        var text = violations.Words(nameof(Note), note, ContractRules.MaxNoteLength, required: false);
        var id = ContractRules.ItemId(violations, nameof(GoalId), goalId, Goal.IdPrefix);
        return violations.Any ? null : new(id!, achieved, text);
    }
}

/// <summary>A coach's suggestion to the person.</summary>
public sealed record MakeSuggestion(GoalDomain Domain, string Text, string? RequestId)
{
    public static MakeSuggestion? Check(Violations violations, GoalDomain domain, string? text, string? requestId)
    {
        violations.Defined(nameof(Domain), domain);
        var words = violations.Words(nameof(Text), text, ContractRules.MaxDescriptionLength);
        var key = ContractRules.RequestId(violations, nameof(RequestId), requestId);
        return violations.Any ? null : new(domain, words!, key);
    }
}

/// <summary>The person's answer to a suggestion, in their own words: required when they decline, optional (null) when they accept.</summary>
public sealed record AnswerSuggestion(string SuggestionId, bool Accept, string? Words)
{
    public static AnswerSuggestion? Check(Violations violations, string? suggestionId, bool accept, string? words)
    {
        var text = violations.Words(nameof(Words), words, ContractRules.MaxDescriptionLength, required: !accept);
        var id = ContractRules.ItemId(violations, nameof(SuggestionId), suggestionId, Suggestion.IdPrefix);
        return violations.Any ? null : new(id!, accept, text);
    }
}
