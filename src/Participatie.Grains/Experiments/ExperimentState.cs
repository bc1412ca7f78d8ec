using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Experiments;

/// <summary>
/// The stored record of an experiment: its design, every sign-up (by client id, with the characteristics the lottery
/// used, never a name), the consent texts by version, the recorded draw, the people whose record still has to hear of
/// their place (the outbox), and the outcomes.
/// </summary>
[GenerateSerializer, Alias("participatie.state.Experiment")]
public sealed class ExperimentState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    [Id(1)] public bool Created { get; set; }

    [Id(2)] public string Title { get; set; } = string.Empty;

    [Id(3)] public DateOnly Start { get; set; }

    [Id(4)] public DateOnly End { get; set; }

    [Id(5)] public List<ArmRecord> Arms { get; set; } = [];

    [Id(6)] public EligibilityRecord Eligibility { get; set; } = new();

    [Id(7)] public List<StratumFactor> Strata { get; set; } = [];

    [Id(8)] public List<int> AgeBandStarts { get; set; } = [];

    [Id(9)] public BlockWeighting Blocks { get; set; }

    [Id(10)] public string CreatedBy { get; set; } = string.Empty;

    [Id(11)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A fingerprint of the design, so defining it again with the same design is recognised.</summary>
    [Id(12)] public string Fingerprint { get; set; } = string.Empty;

    /// <summary>Every sign-up by client id.</summary>
    [Id(13)] public Dictionary<string, ParticipantRecord> Participants { get; set; } = [];

    /// <summary>Consent texts by version: each sign-up records the version, the text is kept once.</summary>
    [Id(14)] public Dictionary<string, string> ConsentTexts { get; set; } = [];

    [Id(15)] public DrawRecord? Draw { get; set; }

    /// <summary>People whose record has not yet heard of their current membership.</summary>
    [Id(16)] public List<string> PendingMembers { get; set; } = [];

    /// <summary>Outcomes per client id, one per month.</summary>
    [Id(17)] public Dictionary<string, List<OutcomeRecord>> Outcomes { get; set; } = [];
}

[GenerateSerializer, Alias("participatie.state.Arm")]
public sealed class ArmRecord
{
    [Id(0)] public string Name { get; set; } = string.Empty;

    [Id(1)] public ArmKind Kind { get; set; }

    [Id(2)] public int Capacity { get; set; }

    [Id(3)] public RegimeSettingsRecord Regime { get; set; } = new();
}

[GenerateSerializer, Alias("participatie.state.Eligibility")]
public sealed class EligibilityRecord
{
    [Id(0)] public int MinimumAge { get; set; }

    [Id(1)] public int? MaximumAge { get; set; }

    [Id(2)] public List<Segment> Segments { get; set; } = [];

    [Id(3)] public List<string> Neighbourhoods { get; set; } = [];

    [Id(4)] public List<HouseholdType> HouseholdTypes { get; set; } = [];
}

/// <summary>One sign-up: what the lottery judged the person on (as at sign-up), their consent, and their place.</summary>
[GenerateSerializer, Alias("participatie.state.Participant")]
public sealed class ParticipantRecord
{
    [Id(0)] public DateOnly DateOfBirth { get; set; }

    [Id(1)] public Segment Segment { get; set; }

    [Id(2)] public string NeighbourhoodId { get; set; } = string.Empty;

    [Id(3)] public HouseholdType HouseholdType { get; set; }

    [Id(4)] public string ConsentVersion { get; set; } = string.Empty;

    [Id(5)] public DateTimeOffset ConsentGivenAt { get; set; }

    [Id(6)] public DateTimeOffset SignedUpAt { get; set; }

    [Id(7)] public string RecordedBy { get; set; } = string.Empty;

    /// <summary>Goes up with every change of the person's place; memberships sent to their record carry it.</summary>
    [Id(8)] public long Version { get; set; }

    [Id(9)] public DateOnly? WithdrawnOn { get; set; }

    [Id(10)] public bool WithdrawnBeforeDraw { get; set; }

    [Id(11)] public string? WithdrawalRecordedBy { get; set; }

    [Id(12)] public string? Arm { get; set; }

    [Id(13)] public string? Stratum { get; set; }

    [Id(14)] public int? WaitingListPosition { get; set; }

    [Id(15)] public List<string>? IneligibleReasons { get; set; }
}

/// <summary>The draw: everything needed to draw it again.</summary>
[GenerateSerializer, Alias("participatie.state.Draw")]
public sealed class DrawRecord
{
    [Id(0)] public string Algorithm { get; set; } = string.Empty;

    [Id(1)] public ulong Seed { get; set; }

    [Id(2)] public bool SeedGenerated { get; set; }

    [Id(3)] public DateOnly DrawDate { get; set; }

    [Id(4)] public DateTimeOffset DrawnAt { get; set; }

    [Id(5)] public string DrawnBy { get; set; } = string.Empty;

    [Id(6)] public int Candidates { get; set; }

    [Id(7)] public int Assigned { get; set; }

    [Id(8)] public int WaitingList { get; set; }

    [Id(9)] public int Ineligible { get; set; }
}

[GenerateSerializer, Alias("participatie.state.Outcome")]
public sealed class OutcomeRecord
{
    [Id(0)] public DateOnly Month { get; set; }

    [Id(1)] public double HoursWorkedPerWeek { get; set; }

    [Id(2)] public bool Independent { get; set; }

    [Id(3)] public double ParticipationHours { get; set; }

    [Id(4)] public int? WellBeing { get; set; }

    [Id(5)] public bool Synthetic { get; set; }

    [Id(6)] public DateTimeOffset RecordedAt { get; set; }
}
