using Participatie.Domain.Contracts;

namespace Participatie.Abstractions.Clients;

/// <summary>Who makes a change to a person's contract or record, as the gateway authenticated them: a party and its id.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ContractActor")]
public sealed record ContractActor(
    [property: Id(0)] Party Party,
    [property: Id(1)] string Id);

/// <summary>A goal proposed by the person or their coach; <c>ReviewOn</c> is an ISO date.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ProposeGoal")]
public sealed record ProposeGoalCommand(
    [property: Id(0)] GoalDomain Domain,
    [property: Id(1)] string Description,
    [property: Id(2)] string ReviewOn,
    [property: Id(3)] string? RequestId);

/// <summary>Progress on an agreed goal, 0-100 percent, with a note.</summary>
[GenerateSerializer, Immutable, Alias("participatie.GoalProgress")]
public sealed record GoalProgressCommand(
    [property: Id(0)] string GoalId,
    [property: Id(1)] int Percent,
    [property: Id(2)] string Note);

/// <summary>A review of a goal: what was discussed and the next review date (ISO).</summary>
[GenerateSerializer, Immutable, Alias("participatie.ReviewGoal")]
public sealed record ReviewGoalCommand(
    [property: Id(0)] string GoalId,
    [property: Id(1)] string NextReviewOn,
    [property: Id(2)] string Note);

/// <summary>Closes a goal as achieved or stopped.</summary>
[GenerateSerializer, Immutable, Alias("participatie.CloseGoal")]
public sealed record CloseGoalCommand(
    [property: Id(0)] string GoalId,
    [property: Id(1)] bool Achieved,
    [property: Id(2)] string Note);

/// <summary>A coach's suggestion to the person.</summary>
[GenerateSerializer, Immutable, Alias("participatie.MakeSuggestion")]
public sealed record SuggestionCommand(
    [property: Id(0)] GoalDomain Domain,
    [property: Id(1)] string Text,
    [property: Id(2)] string? RequestId);

/// <summary>The person's answer to a suggestion, in their own words (required when they decline).</summary>
[GenerateSerializer, Immutable, Alias("participatie.RespondToSuggestion")]
public sealed record SuggestionAnswerCommand(
    [property: Id(0)] string SuggestionId,
    [property: Id(1)] bool Accept,
    [property: Id(2)] string Words);

[GenerateSerializer, Immutable, Alias("participatie.GoalProgressView")]
public sealed record GoalProgressView(
    [property: Id(0)] int Percent,
    [property: Id(1)] string Note,
    [property: Id(2)] Party By,
    [property: Id(3)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("participatie.GoalReviewView")]
public sealed record GoalReviewView(
    [property: Id(0)] DateOnly NextReviewOn,
    [property: Id(1)] string Note,
    [property: Id(2)] Party By,
    [property: Id(3)] DateTimeOffset At);

/// <summary>A goal of the social contract as it stands, with its progress and reviews.</summary>
[GenerateSerializer, Immutable, Alias("participatie.GoalView")]
public sealed record GoalView(
    [property: Id(0)] string GoalId,
    [property: Id(1)] GoalDomain Domain,
    [property: Id(2)] string Description,
    [property: Id(3)] GoalStatus Status,
    [property: Id(4)] Party ProposedBy,
    [property: Id(5)] DateTimeOffset ProposedAt,
    [property: Id(6)] DateTimeOffset? AgreedByPersonAt,
    [property: Id(7)] DateTimeOffset? AgreedByCoachAt,
    [property: Id(8)] DateOnly ReviewOn,
    [property: Id(9)] int Percent,
    [property: Id(10)] IReadOnlyList<GoalProgressView> Progress,
    [property: Id(11)] IReadOnlyList<GoalReviewView> Reviews,
    [property: Id(12)] DateTimeOffset? ClosedAt,
    [property: Id(13)] string? ClosingNote,
    [property: Id(14)] Party? ClosedBy);

/// <summary>A coach's suggestion and the person's answer.</summary>
[GenerateSerializer, Immutable, Alias("participatie.SuggestionView")]
public sealed record SuggestionView(
    [property: Id(0)] string SuggestionId,
    [property: Id(1)] GoalDomain Domain,
    [property: Id(2)] string Text,
    [property: Id(3)] string MadeBy,
    [property: Id(4)] DateTimeOffset MadeAt,
    [property: Id(5)] SuggestionStatus Status,
    [property: Id(6)] string? Words,
    [property: Id(7)] DateTimeOffset? AnsweredAt);

/// <summary>The social contract: goals, suggestions, and whether it is legally binding (and a request pending).</summary>
[GenerateSerializer, Immutable, Alias("participatie.SocialContractView")]
public sealed record SocialContractView(
    [property: Id(0)] IReadOnlyList<GoalView> Goals,
    [property: Id(1)] IReadOnlyList<SuggestionView> Suggestions,
    [property: Id(2)] bool LegallyBinding,
    [property: Id(3)] DateTimeOffset? LegallyBindingSince,
    [property: Id(4)] bool? PendingBinding,
    [property: Id(5)] Party? PendingBindingBy,
    [property: Id(6)] int HistoryCount);

/// <summary>One change of the contract: who, when, what, on which goal or suggestion, and the facts it set.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ContractChangeView")]
public sealed record ContractChangeView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Party Party,
    [property: Id(3)] string ActorId,
    [property: Id(4)] ContractChange Change,
    [property: Id(5)] string SubjectId,
    [property: Id(6)] string Detail);
