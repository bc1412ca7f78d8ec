using Participatie.Domain.People;

namespace Participatie.Grains.Clients;

/// <summary>
/// The stored record of one person. Stored as JSON (System.Text.Json); <see cref="SchemaVersion"/> says which shape
/// a row has, so later versions can upgrade old rows when they read them. Members are only ever added.
/// </summary>
[GenerateSerializer, Alias("participatie.state.Client")]
public sealed class ClientState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    [Id(1)] public bool Registered { get; set; }

    /// <summary>The caller's idempotency key and a fingerprint of the intake it came with.</summary>
    [Id(2)] public string? RequestId { get; set; }

    [Id(3)] public string? RequestFingerprint { get; set; }

    [Id(4)] public string GivenName { get; set; } = string.Empty;

    [Id(5)] public string FamilyName { get; set; } = string.Empty;

    [Id(6)] public DateOnly DateOfBirth { get; set; }

    [Id(7)] public HouseholdType HouseholdType { get; set; }

    [Id(8)] public string Postcode { get; set; } = string.Empty;

    [Id(9)] public string NeighbourhoodId { get; set; } = string.Empty;

    [Id(10)] public FactorsRecord Factors { get; set; } = new();

    /// <summary>Every estimate ever made, oldest first; the last is the one in force.</summary>
    [Id(11)] public List<EstimateRecord> Estimates { get; set; } = [];

    [Id(12)] public string? CoachId { get; set; }

    [Id(13)] public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Goes up by one with every stored change; contributions to coaches and neighbourhoods carry it.</summary>
    [Id(14)] public long Version { get; set; }

    /// <summary>Coaches and neighbourhoods that have not yet been told of the latest version (the outbox).</summary>
    [Id(15)] public List<string> PendingCoaches { get; set; } = [];

    [Id(16)] public List<string> PendingNeighbourhoods { get; set; } = [];

    // The person's rights and data minimisation (ids from 100 keep clear of other additions).

    /// <summary>The person agreed that their neighbourhood team may see the record, and when they said so last.</summary>
    [Id(100)] public bool TeamInvolvement { get; set; }

    [Id(101)] public DateTimeOffset? TeamInvolvementAt { get; set; }

    [Id(102)] public DateOnly? CaseEndedOn { get; set; }

    [Id(103)] public string? CaseEndReason { get; set; }

    /// <summary>Keeps the record from anonymisation while a legal ground (objection, appeal, court) applies.</summary>
    [Id(104)] public bool LegalHold { get; set; }

    [Id(105)] public string? LegalHoldReason { get; set; }

    [Id(106)] public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>The BSN for payment, encrypted with the platform's key (AES-GCM); never the plain number.</summary>
    [Id(107)] public string? EncryptedBsn { get; set; }
}

/// <summary>Stored reintegration factors.</summary>
[GenerateSerializer, Alias("participatie.state.Factors")]
public sealed class FactorsRecord
{
    [Id(0)] public EducationLevel Education { get; set; }

    [Id(1)] public int WorkExperienceYears { get; set; }

    [Id(2)] public LanguageProficiency Language { get; set; }

    [Id(3)] public HealthLimitation Health { get; set; }

    [Id(4)] public List<SocialCircumstance> SocialCircumstances { get; set; } = [];

    [Id(5)] public int YearsOnAssistance { get; set; }
}

/// <summary>A stored estimate with each factor's contribution, the model and the date, and any override.</summary>
[GenerateSerializer, Alias("participatie.state.Estimate")]
public sealed class EstimateRecord
{
    [Id(0)] public int Months { get; set; }

    [Id(1)] public int ComputedMonths { get; set; }

    [Id(2)] public List<ContributionRecord> Contributions { get; set; } = [];

    [Id(3)] public int CutMonths { get; set; }

    [Id(4)] public Segment Segment { get; set; }

    [Id(5)] public string Model { get; set; } = string.Empty;

    [Id(6)] public DateOnly ModelEffectiveFrom { get; set; }

    [Id(7)] public bool Overridden { get; set; }

    [Id(8)] public string? OverrideReason { get; set; }

    [Id(9)] public string? OverriddenBy { get; set; }

    [Id(10)] public DateTimeOffset AssessedAt { get; set; }

    [Id(11)] public string AssessedBy { get; set; } = string.Empty;
}

[GenerateSerializer, Alias("participatie.state.Contribution")]
public sealed class ContributionRecord
{
    [Id(0)] public string Factor { get; set; } = string.Empty;

    [Id(1)] public string Value { get; set; } = string.Empty;

    [Id(2)] public int Months { get; set; }
}
