using Participatie.Abstractions.Coaches;

namespace Participatie.Grains.Coaches;

/// <summary>
/// The stored hand-over of one coach's caseload: the plan (who goes to whom), stored before anyone moves, and each
/// person's outcome, stored after every few moves. A hand-over continued after a crash asks each person still pending
/// where they are now, so nobody moves twice and nobody ends in two caseloads.
/// </summary>
[GenerateSerializer, Alias("participatie.state.CaseloadHandOver")]
public sealed class CaseloadHandOverState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    /// <summary>The number of the newest hand-over of this caseload, from 1.</summary>
    [Id(1)] public int Number { get; set; }

    [Id(2)] public HandOverStatus Status { get; set; } = HandOverStatus.Unspecified;

    /// <summary>The colleagues, in the order they are filled.</summary>
    [Id(3)] public List<string> ToCoachIds { get; set; } = [];

    /// <summary>Who goes to whom; a step whose colleague turned out full is moved to the end with the next colleague.</summary>
    [Id(4)] public List<HandOverStepRecord> Steps { get; set; } = [];

    /// <summary>Colleagues found without room (at planning or when a move was refused): nobody more is sent to them.</summary>
    [Id(5)] public HashSet<string> Full { get; set; } = [];

    /// <summary>How many people the leaving coach still had when the hand-over completed.</summary>
    [Id(6)] public int Remaining { get; set; }

    [Id(7)] public DateTimeOffset? PlannedAt { get; set; }

    [Id(8)] public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The outcome of the hand-over before the newest, for a caller still waiting for it.</summary>
    [Id(9)] public HandOverResultRecord? Previous { get; set; }
}

/// <summary>One person of a hand-over and what became of them.</summary>
[GenerateSerializer, Alias("participatie.state.HandOverStep")]
public sealed class HandOverStepRecord
{
    [Id(0)] public string ClientId { get; set; } = string.Empty;

    [Id(1)] public string To { get; set; } = string.Empty;

    [Id(2)] public HandOverStepOutcome Outcome { get; set; }
}

/// <summary>What became of one person of a hand-over.</summary>
public enum HandOverStepOutcome
{
    Pending = 0,
    Moved = 1,

    /// <summary>Assigned elsewhere or released since the plan, or their case ended: they are not the hand-over's to move.</summary>
    NotHere = 2,

    /// <summary>Every colleague turned out full: the person stays with the leaving coach.</summary>
    NoRoom = 3,
}

/// <summary>A completed hand-over's outcome.</summary>
[GenerateSerializer, Alias("participatie.state.HandOverResult")]
public sealed class HandOverResultRecord
{
    [Id(0)] public int Number { get; set; }

    [Id(1)] public List<string> ToCoachIds { get; set; } = [];

    [Id(2)] public List<HandOverStepRecord> Moved { get; set; } = [];

    [Id(3)] public int Remaining { get; set; }
}
