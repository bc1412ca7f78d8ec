namespace Participatie.Domain.Contracts;

/// <summary>
/// A goal of the social contract: proposed by one party, agreed by both, with progress and reviews, then closed. Its id
/// is <see cref="IdPrefix"/> and its position on the record from 1 (goal-3); <c>RequestId</c> is the caller's
/// idempotency key, if any, and <c>RequestFingerprint</c> what that request asked, to tell a repeat from a reused key.
/// </summary>
public sealed record Goal(
    string GoalId,
    GoalDomain Domain,
    string Description,
    GoalStatus Status,
    Party ProposedBy,
    DateTimeOffset ProposedAt,
    DateTimeOffset? AgreedByPersonAt,
    DateTimeOffset? AgreedByCoachAt,
    DateOnly ReviewOn,
    IReadOnlyList<GoalProgress> Progress,
    IReadOnlyList<GoalReview> Reviews,
    DateTimeOffset? ClosedAt,
    string? ClosingNote,
    Party? ClosedBy,
    string? RequestId,
    string? RequestFingerprint)
{
    public const string IdPrefix = "goal-";

    /// <summary>Whether <paramref name="party"/> agreed to the goal already (the proposer agrees by proposing).</summary>
    public bool AgreedBy(Party party) => (party == Party.Person ? AgreedByPersonAt : AgreedByCoachAt) is not null;
}

public sealed record GoalProgress(int Percent, string Note, Party By, DateTimeOffset At);

public sealed record GoalReview(DateOnly NextReviewOn, string Note, Party By, DateTimeOffset At);

/// <summary>
/// A coach's suggestion and the person's answer in their own words; its id is <see cref="IdPrefix"/> and its position
/// on the record from 1 (sug-2).
/// </summary>
public sealed record Suggestion(
    string SuggestionId,
    GoalDomain Domain,
    string Text,
    string MadeBy,
    DateTimeOffset MadeAt,
    SuggestionStatus Status,
    string? Words,
    DateTimeOffset? AnsweredAt,
    string? RequestId,
    string? RequestFingerprint)
{
    public const string IdPrefix = "sug-";
}

/// <summary>
/// One change in the contract's history, numbered from 1; <see cref="Detail"/> holds facts (a percent, a date), never
/// free text.
/// </summary>
public sealed record ContractEntry(long Sequence, DateTimeOffset At, Party Party, string ActorId, ContractChange Change, string SubjectId, string Detail);

/// <summary>Whether the contract is legally binding, since when, and a party's request to change that, if one is pending.</summary>
public sealed record BindingMark(bool InForce, DateTimeOffset? Since, bool? PendingValue, Party? PendingParty);

/// <summary>A well-being check-in on the person's record: 0 (very bad) to 10 (very good), with an optional note.</summary>
public sealed record WellBeingCheckIn(long Sequence, int Score, string? Note, Party By, DateTimeOffset At, string? RequestId, string? RequestFingerprint);

/// <summary>An entry of the contact journal, by the coach or the neighbourhood team.</summary>
public sealed record JournalEntry(
    long Sequence,
    ContactType Type,
    DateOnly ContactedOn,
    string Note,
    Party By,
    string AuthorId,
    DateTimeOffset RecordedAt,
    string? RequestId,
    string? RequestFingerprint);

/// <summary>Outflow to work: hours a week from a start date.</summary>
public sealed record Outflow(int HoursPerWeek, DateOnly StartOn, Party By, DateTimeOffset ReportedAt);
