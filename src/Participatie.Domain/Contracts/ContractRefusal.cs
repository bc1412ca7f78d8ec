namespace Participatie.Domain.Contracts;

/// <summary>Why a rule of the social contract or the person's record refuses a change; <see cref="Code"/> is stable.</summary>
public sealed record ContractRefusal(string Code, string Message)
{
    /// <summary>The goal is achieved or stopped: it no longer changes.</summary>
    public const string GoalClosed = "GOAL_CLOSED";

    /// <summary>Progress needs a goal that both the person and the coach agreed.</summary>
    public const string GoalNotAgreed = "GOAL_NOT_AGREED";

    /// <summary>The person answered the suggestion already, differently.</summary>
    public const string SuggestionAnswered = "SUGGESTION_ANSWERED";

    /// <summary>This party has no part in this change (e.g. a coach answering a suggestion for the person).</summary>
    public const string NotYourPart = "NOT_YOUR_PART";

    /// <summary>The record holds as many of these as it may; older ones are kept, nothing is dropped.</summary>
    public const string RecordLimitReached = "RECORD_LIMIT_REACHED";
}
