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

    /// <summary>A coach acts only on the record of someone in their own caseload.</summary>
    public const string NotInCaseload = "NOT_IN_CASELOAD";

    /// <summary>The record holds as many of these as it may; older ones are kept, nothing is dropped.</summary>
    public const string RecordLimitReached = "RECORD_LIMIT_REACHED";

    /// <summary>
    /// The caller's idempotency key was used before for another request: a conflict with what holds the key
    /// (<see cref="Holder"/>), not a state that could change, so callers hear of it as "already exists".
    /// </summary>
    public const string RequestReused = "REQUEST_REUSED";

    /// <summary>For <see cref="RequestReused"/>: the kind and id of what was made with the key before.</summary>
    public (string Kind, string Id)? Holder { get; init; }

    /// <summary>A key reused for another request than the one <paramref name="kind"/> <paramref name="id"/> was made with.</summary>
    public static ContractRefusal Reused(string kind, string id, string message) => new(RequestReused, message) { Holder = (kind, id) };
}
