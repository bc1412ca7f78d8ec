using System.Globalization;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Contracts;

/// <summary>
/// The social contract between a person and their coach (DOMAIN.md): goals in the person's life domains that one party
/// proposes and both agree, with review dates and progress; suggestions of the coach that the person accepts or
/// declines in their own words — a decline has no consequence: nothing here, in the regime or in the benefit reads it;
/// and the "legally binding" mark, which changes only when both parties said so.
/// </summary>
public static class ContractRules
{
    public const int MaxGoals = 50;
    public const int MaxProgressPerGoal = 20;
    public const int MaxReviewsPerGoal = 20;
    public const int MaxSuggestions = 100;

    /// <summary>History entries per person (every change of goals, suggestions and the binding mark); changes beyond it are refused.</summary>
    public const int MaxHistory = 5000;

    public const int MaxDescriptionLength = 1000;
    public const int MaxNoteLength = 500;

    /// <summary>A review date lies within this many days from today.</summary>
    public const int MaxReviewDays = 731;

    /// <summary>The longest idempotency key a caller may send with a change.</summary>
    public const int MaxRequestIdLength = 100;

    /// <summary>The longest id of a goal or suggestion (its prefix and position) that is read at all.</summary>
    private const int MaxItemIdLength = 16;

    /// <summary>Whether a party may make a change of this kind (the person's own decisions are theirs alone).</summary>
    public static ContractRefusal? MayAct(Party party, ContractChange change)
    {
        var allowed = change switch
        {
            ContractChange.SuggestionMade => party == Party.Coach,
            ContractChange.SuggestionAccepted or ContractChange.SuggestionDeclined => party == Party.Person,
            ContractChange.Unspecified => false,
            _ => party is Party.Person or Party.Coach,
        };
        return allowed
            ? null
            : new ContractRefusal(ContractRefusal.NotYourPart, $"{Describe(party)} cannot make this change ({Names.Snake(change)}) to the social contract");
    }

    /// <summary>Checks a review date: required, after today, within two years.</summary>
    public static DateOnly? ReviewDate(Violations violations, string field, string? text, DateOnly today)
    {
        var date = violations.Date(field, text);
        if (date is null)
        {
            return null;
        }

        if (date <= today || date > today.AddDays(MaxReviewDays))
        {
            violations.Add(field, $"must be after today and at most {MaxReviewDays} days ahead");
            return null;
        }

        return date;
    }

    /// <summary>The status of a goal after a party's agreement: agreed once both the person and the coach agreed.</summary>
    public static GoalStatus AfterAgreement(bool personAgreed, bool coachAgreed) =>
        personAgreed && coachAgreed ? GoalStatus.Agreed : GoalStatus.Proposed;

    public static bool IsOpen(GoalStatus status) => status is GoalStatus.Proposed or GoalStatus.Agreed;

    /// <summary>Agreeing, reviewing and closing need an open goal.</summary>
    public static ContractRefusal? CheckOpen(GoalStatus status, string goalId) =>
        IsOpen(status) ? null : new ContractRefusal(ContractRefusal.GoalClosed, $"goal {goalId} is {Names.Snake(status)} and no longer changes");

    /// <summary>Progress is recorded on a goal both parties agreed, while it is open.</summary>
    public static ContractRefusal? CheckProgress(GoalStatus status, string goalId) => status switch
    {
        GoalStatus.Agreed => null,
        GoalStatus.Proposed => new ContractRefusal(ContractRefusal.GoalNotAgreed, $"goal {goalId} is not agreed by both the person and the coach yet"),
        _ => CheckOpen(status, goalId),
    };

    /// <summary>
    /// The answer to a suggestion: an open one takes it; the same answer in the same words again changes nothing (null
    /// status); another answer to an answered suggestion is refused.
    /// </summary>
    public static (SuggestionStatus? Status, ContractRefusal? Refusal) Answer(SuggestionStatus current, string? currentWords, bool accept, string? words, string suggestionId)
    {
        var wanted = accept ? SuggestionStatus.Accepted : SuggestionStatus.Declined;
        if (current == SuggestionStatus.Open)
        {
            return (wanted, null);
        }

        return current == wanted && currentWords == words
            ? (null, null)
            : (null, new ContractRefusal(ContractRefusal.SuggestionAnswered, $"suggestion {suggestionId} was {Names.Snake(current)} already"));
    }

    /// <summary>
    /// A party says whether the contract is to be legally binding. The mark changes only when both parties said the same:
    /// the first to ask leaves a pending request, the other's matching answer makes it take effect, and either party
    /// saying the value in force withdraws a pending request.
    /// </summary>
    public static BindingDecision Binding(bool inForce, bool? pendingValue, Party? pendingParty, Party party, bool wanted)
    {
        if (wanted == inForce)
        {
            return pendingValue is null
                ? new BindingDecision(inForce, null, null, ContractChange.Unspecified)
                : new BindingDecision(inForce, null, null, ContractChange.BindingRequestWithdrawn);
        }

        if (pendingValue == wanted && pendingParty != party)
        {
            return new BindingDecision(wanted, null, null, ContractChange.BindingChanged);
        }

        return pendingValue == wanted
            ? new BindingDecision(inForce, pendingValue, pendingParty, ContractChange.Unspecified)
            : new BindingDecision(inForce, wanted, party, ContractChange.BindingRequested);
    }

    /// <summary>Checks an optional idempotency key; returns it trimmed, or null when absent or invalid.</summary>
    public static string? RequestId(Violations violations, string field, string? value) =>
        violations.Text(field, value, MaxRequestIdLength, required: false);

    /// <summary>Checks the id of a goal or suggestion: the prefix and a number from 1 (goal-3, sug-1), its position on the record.</summary>
    /// <returns>The id, or null when malformed.</returns>
    public static string? ItemId(Violations violations, string field, string? id, string prefix)
    {
        if (Position(id, prefix) > 0)
        {
            return id;
        }

        violations.Add(field, $"must be {prefix} followed by a number, e.g. {prefix}1");
        return null;
    }

    /// <summary>The position from 1 that a well-formed item id names; 0 when it is malformed.</summary>
    public static int Position(string? id, string prefix) =>
        id is { Length: <= MaxItemIdLength } && id.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
        && position > 0 && id == prefix + position.ToString(CultureInfo.InvariantCulture)
            ? position
            : 0;

    /// <summary>Refuses one more item where the record holds <paramref name="max"/> already.</summary>
    public static ContractRefusal? CheckRoom(int count, int max, string what) =>
        count < max ? null : new ContractRefusal(ContractRefusal.RecordLimitReached, $"the record holds {max} {what}, the most it keeps; nothing is dropped, so no more can be added");

    private static string Describe(Party party) => party switch
    {
        Party.Person => "the person",
        Party.Coach => "the coach",
        Party.Team => "a neighbourhood team member",
        _ => "nobody",
    };
}

/// <summary>The binding mark after a party's word, what is pending, and what changed (<see cref="ContractChange.Unspecified"/>: nothing).</summary>
public sealed record BindingDecision(bool InForce, bool? PendingValue, Party? PendingParty, ContractChange Change);
