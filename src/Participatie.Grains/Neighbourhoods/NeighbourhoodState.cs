using Participatie.Domain.Participation;
using Participatie.Domain.People;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Neighbourhoods;

/// <summary>The stored record of a neighbourhood: its definition and each resident's newest contribution.</summary>
[GenerateSerializer, Alias("participatie.state.Neighbourhood")]
public sealed class NeighbourhoodState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    [Id(1)] public bool Created { get; set; }

    [Id(2)] public string Name { get; set; } = string.Empty;

    [Id(3)] public string Municipality { get; set; } = string.Empty;

    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Per person the newest contribution, kept also after they moved away (as a version marker).</summary>
    [Id(5)] public Dictionary<string, ResidentRecord> Residents { get; set; } = [];

    /// <summary>Regime trials of the whole neighbourhood, by start date; they never overlap.</summary>
    [Id(6)] public List<TrialRecord> Trials { get; set; } = [];

    /// <summary>Per activity id, the newest offer the activity sent (the activity is the truth about it).</summary>
    [Id(7)] public Dictionary<string, ActivityOfferRecord> Activities { get; set; } = [];

    /// <summary>Grows with every change of the residents: the version of the figures the platform's status keeps (0 in older records).</summary>
    [Id(8)] public long FiguresVersion { get; set; }
}

/// <summary>A stored neighbourhood trial.</summary>
[GenerateSerializer, Alias("participatie.state.Trial")]
public sealed class TrialRecord
{
    [Id(0)] public string Name { get; set; } = string.Empty;

    [Id(1)] public RegimeSettingsRecord Settings { get; set; } = new();

    [Id(2)] public DateOnly From { get; set; }

    [Id(3)] public DateOnly? Until { get; set; }

    [Id(4)] public string StartedBy { get; set; } = string.Empty;

    [Id(5)] public DateTimeOffset StartedAt { get; set; }
}

[GenerateSerializer, Alias("participatie.state.Resident")]
public sealed class ResidentRecord
{
    [Id(0)] public long Version { get; set; }

    [Id(1)] public bool Resident { get; set; }

    [Id(2)] public Segment Segment { get; set; }

    [Id(3)] public bool HasCoach { get; set; }

    [Id(4)] public DateOnly? LastParticipationOn { get; set; }

    /// <summary>Minutes of participation per month (first day), for the current and the previous month when sent.</summary>
    [Id(5)] public Dictionary<DateOnly, int> Minutes { get; set; } = [];

    [Id(6)] public DateOnly? OutflowOn { get; set; }
}

[GenerateSerializer, Alias("participatie.state.ActivityOffer")]
public sealed class ActivityOfferRecord
{
    [Id(0)] public long Version { get; set; }

    [Id(1)] public bool OnOffer { get; set; }

    /// <summary>Null for an offer received before offers carried their type.</summary>
    [Id(2)] public ActivityType? Type { get; set; }

    /// <summary>What a search shows; null for an offer received before offers carried it.</summary>
    [Id(3)] public OfferDetailsRecord? Details { get; set; }
}

[GenerateSerializer, Alias("participatie.state.OfferDetails")]
public sealed class OfferDetailsRecord
{
    [Id(0)] public string Title { get; set; } = string.Empty;

    [Id(1)] public string PartnerId { get; set; } = string.Empty;

    [Id(2)] public string PartnerName { get; set; } = string.Empty;

    [Id(3)] public string Schedule { get; set; } = string.Empty;

    [Id(4)] public string Contact { get; set; } = string.Empty;

    [Id(5)] public int Capacity { get; set; }

    [Id(6)] public int Enrolled { get; set; }

    [Id(7)] public int Waiting { get; set; }
}
