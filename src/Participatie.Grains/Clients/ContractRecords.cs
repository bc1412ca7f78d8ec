using Participatie.Domain.Contracts;

namespace Participatie.Grains.Clients;

/// <summary>A goal of the social contract as stored.</summary>
[GenerateSerializer, Alias("participatie.state.Goal")]
public sealed class GoalRecord
{
    [Id(0)] public string GoalId { get; set; } = string.Empty;

    [Id(1)] public GoalDomain Domain { get; set; }

    [Id(2)] public string Description { get; set; } = string.Empty;

    [Id(3)] public GoalStatus Status { get; set; }

    [Id(4)] public Party ProposedBy { get; set; }

    [Id(5)] public DateTimeOffset ProposedAt { get; set; }

    [Id(6)] public DateTimeOffset? AgreedByPersonAt { get; set; }

    [Id(7)] public DateTimeOffset? AgreedByCoachAt { get; set; }

    [Id(8)] public DateOnly ReviewOn { get; set; }

    [Id(9)] public List<ProgressRecord> Progress { get; set; } = [];

    [Id(10)] public List<ReviewRecord> Reviews { get; set; } = [];

    [Id(11)] public DateTimeOffset? ClosedAt { get; set; }

    [Id(12)] public string? ClosingNote { get; set; }

    [Id(13)] public Party? ClosedBy { get; set; }

    /// <summary>The caller's idempotency key, if any.</summary>
    [Id(14)] public string? RequestId { get; set; }

    /// <summary>What the request with <see cref="RequestId"/> asked, to tell a repeat from a reused key.</summary>
    [Id(15)] public string? RequestFingerprint { get; set; }
}

[GenerateSerializer, Alias("participatie.state.GoalProgress")]
public sealed class ProgressRecord
{
    [Id(0)] public int Percent { get; set; }

    [Id(1)] public string Note { get; set; } = string.Empty;

    [Id(2)] public Party By { get; set; }

    [Id(3)] public DateTimeOffset At { get; set; }
}

[GenerateSerializer, Alias("participatie.state.GoalReview")]
public sealed class ReviewRecord
{
    [Id(0)] public DateOnly NextReviewOn { get; set; }

    [Id(1)] public string Note { get; set; } = string.Empty;

    [Id(2)] public Party By { get; set; }

    [Id(3)] public DateTimeOffset At { get; set; }
}

/// <summary>A coach's suggestion and the person's answer in their own words.</summary>
[GenerateSerializer, Alias("participatie.state.Suggestion")]
public sealed class SuggestionRecord
{
    [Id(0)] public string SuggestionId { get; set; } = string.Empty;

    [Id(1)] public GoalDomain Domain { get; set; }

    [Id(2)] public string Text { get; set; } = string.Empty;

    [Id(3)] public string MadeBy { get; set; } = string.Empty;

    [Id(4)] public DateTimeOffset MadeAt { get; set; }

    [Id(5)] public SuggestionStatus Status { get; set; }

    [Id(6)] public string? Words { get; set; }

    [Id(7)] public DateTimeOffset? AnsweredAt { get; set; }

    [Id(8)] public string? RequestId { get; set; }

    [Id(9)] public string? RequestFingerprint { get; set; }
}

/// <summary>One change of the contract; <see cref="Detail"/> holds facts (a percent, a date), never free text.</summary>
[GenerateSerializer, Alias("participatie.state.ContractChange")]
public sealed class ContractChangeRecord
{
    [Id(0)] public long Sequence { get; set; }

    [Id(1)] public DateTimeOffset At { get; set; }

    [Id(2)] public Party Party { get; set; }

    [Id(3)] public string ActorId { get; set; } = string.Empty;

    [Id(4)] public ContractChange Change { get; set; }

    [Id(5)] public string SubjectId { get; set; } = string.Empty;

    [Id(6)] public string Detail { get; set; } = string.Empty;
}

[GenerateSerializer, Alias("participatie.state.WellBeing")]
public sealed class WellBeingRecord
{
    [Id(0)] public long Sequence { get; set; }

    [Id(1)] public int Score { get; set; }

    [Id(2)] public string? Note { get; set; }

    [Id(3)] public Party By { get; set; }

    [Id(4)] public DateTimeOffset At { get; set; }

    [Id(5)] public string? RequestId { get; set; }

    [Id(6)] public string? RequestFingerprint { get; set; }
}

[GenerateSerializer, Alias("participatie.state.JournalEntry")]
public sealed class JournalEntryRecord
{
    [Id(0)] public long Sequence { get; set; }

    [Id(1)] public ContactType Type { get; set; }

    [Id(2)] public DateOnly ContactedOn { get; set; }

    [Id(3)] public string Note { get; set; } = string.Empty;

    [Id(4)] public Party By { get; set; }

    [Id(5)] public string AuthorId { get; set; } = string.Empty;

    [Id(6)] public DateTimeOffset RecordedAt { get; set; }

    [Id(7)] public string? RequestId { get; set; }

    [Id(8)] public string? RequestFingerprint { get; set; }
}

[GenerateSerializer, Alias("participatie.state.Outflow")]
public sealed class OutflowRecord
{
    [Id(0)] public int HoursPerWeek { get; set; }

    [Id(1)] public DateOnly StartOn { get; set; }

    [Id(2)] public Party By { get; set; }

    [Id(3)] public DateTimeOffset ReportedAt { get; set; }
}
