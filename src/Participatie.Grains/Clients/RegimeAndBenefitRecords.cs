using System.Text.Json.Serialization;
using Participatie.Abstractions.Experiments;
using Participatie.Domain.Benefits;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Clients;

/// <summary>A trajectory the person is or was on, with the settings configured when it started.</summary>
[GenerateSerializer, Alias("participatie.state.Trajectory")]
public sealed class TrajectoryRecord
{
    [Id(0)] public string Name { get; set; } = string.Empty;

    [Id(1)] public RegimeSettingsRecord Settings { get; set; } = new();

    [Id(2)] public DateOnly From { get; set; }

    [Id(3)] public DateOnly? Until { get; set; }

    [Id(4)] public ConsentRecord? Consent { get; set; }

    [Id(5)] public string StartedBy { get; set; } = string.Empty;

    [Id(6)] public DateTimeOffset StartedAt { get; set; }

    [Id(7)] public string? EndedBy { get; set; }
}

[GenerateSerializer, Alias("participatie.state.Consent")]
public sealed class ConsentRecord
{
    [Id(0)] public string Text { get; set; } = string.Empty;

    [Id(1)] public string Version { get; set; } = string.Empty;

    [Id(2)] public DateTimeOffset GivenAt { get; set; }
}

/// <summary>Where the person stands in one experiment, as the experiment last said.</summary>
[GenerateSerializer, Alias("participatie.state.Membership")]
public sealed class MembershipRecord
{
    [Id(0)] public string LayerName { get; set; } = string.Empty;

    [Id(1)] public long Version { get; set; }

    [Id(2)] public MembershipStatus Status { get; set; }

    [Id(3)] public string? Arm { get; set; }

    [Id(4)] public RegimeSettingsRecord? Regime { get; set; }

    [Id(5)] public DateOnly Start { get; set; }

    [Id(6)] public DateOnly End { get; set; }

    [Id(7)] public DateOnly? From { get; set; }

    [Id(8)] public DateOnly? Until { get; set; }

    [Id(9)] public bool Withdrawn { get; set; }
}

/// <summary>A month's income form.</summary>
[GenerateSerializer, Alias("participatie.state.MonthReport")]
public sealed class MonthReportRecord
{
    [Id(0)] public DateOnly Month { get; set; }

    [Id(1)] public long NetEarningsCents { get; set; }

    [Id(2)] public int WorkHoursPerWeek { get; set; }

    /// <summary>Adults of 27+ in the home; 0 means only the household's own.</summary>
    [Id(3)] public int AdultsInHome { get; set; }

    [Id(4)] public bool GroupSupport { get; set; }

    [Id(5)] public string ReportedBy { get; set; } = string.Empty;

    [Id(6)] public DateTimeOffset ReportedAt { get; set; }
}

[GenerateSerializer, Alias("participatie.state.Sanction")]
public sealed class SanctionRecord
{
    [Id(0)] public string Reference { get; set; } = string.Empty;

    [Id(1)] public DateOnly FirstMonth { get; set; }

    [Id(2)] public int Percent { get; set; }

    [Id(3)] public int Months { get; set; }

    [Id(4)] public bool SpreadOverThreeMonths { get; set; }

    [Id(5)] public string DecidedBy { get; set; } = string.Empty;

    [Id(6)] public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A frozen statement: what was paid for the month, line by line, with the regime it was computed under.</summary>
[GenerateSerializer, Alias("participatie.state.Statement")]
public sealed class StatementRecord
{
    [Id(0)] public DateOnly Month { get; set; }

    [Id(1)] public List<StatementLineRecord> Lines { get; set; } = [];

    [Id(2)] public List<string> Notes { get; set; } = [];

    [Id(3)] public long TotalCents { get; set; }

    [Id(4)] public RegimeSettingsRecord Regime { get; set; } = new();

    [Id(5)] public List<RegimeLayerRecord> Layers { get; set; } = [];

    [Id(6)] public string NeighbourhoodId { get; set; } = string.Empty;

    [Id(7)] public string PaymentRunId { get; set; } = string.Empty;

    /// <summary>The batch of the payment run that froze it.</summary>
    [Id(8)] public int Batch { get; set; }

    [Id(9)] public DateTimeOffset FrozenAt { get; set; }

    /// <summary>The pass of the run that froze it; 0 for a statement frozen before passes were numbered (pass 1).</summary>
    [Id(10)] public int Pass { get; set; }

    /// <summary>1 for the month's first statement, then 2, 3, … for each revision; 0 as stored before versions (1).</summary>
    [Id(11)] public int Version { get; set; }

    /// <summary>What this version paid: the whole total for version 1, else the difference from the version before.</summary>
    [Id(12)] public long? AmountCents { get; set; }

    /// <summary>Why the month was revised (the income forms and decisions that reopened it); null for version 1.</summary>
    [Id(13)] public string? Reason { get; set; }

    [JsonIgnore] public int PassNumber => Math.Max(Pass, 1);

    [JsonIgnore] public int VersionNumber => Math.Max(Version, 1);

    [JsonIgnore] public long Amount => AmountCents ?? TotalCents;
}

/// <summary>A paid month reopened by a later income form or decision: the month's next payment pass revises it.</summary>
[GenerateSerializer, Alias("participatie.state.RevisionDue")]
public sealed class RevisionDueRecord
{
    public const int MaxReasons = 20;

    [Id(0)] public DateOnly Month { get; set; }

    [Id(1)] public List<string> Reasons { get; set; } = [];
}

[GenerateSerializer, Alias("participatie.state.StatementLine")]
public sealed class StatementLineRecord
{
    [Id(0)] public string Rule { get; set; } = string.Empty;

    [Id(1)] public string Explanation { get; set; } = string.Empty;

    [Id(2)] public long AmountCents { get; set; }

    [Id(3)] public List<FigureRecord> Figures { get; set; } = [];
}

[GenerateSerializer, Alias("participatie.state.Figure")]
public sealed class FigureRecord
{
    [Id(0)] public BenefitRule Rule { get; set; }

    [Id(1)] public DateOnly EffectiveFrom { get; set; }
}
