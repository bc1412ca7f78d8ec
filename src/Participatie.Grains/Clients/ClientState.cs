using Participatie.Domain.Contracts;
using Participatie.Domain.People;

namespace Participatie.Grains.Clients;

/// <summary>
/// The stored record of one person. Stored as JSON (System.Text.Json); <see cref="SchemaVersion"/> says which shape
/// a row has, so later versions can upgrade old rows when they read them. Members are only ever added.
/// </summary>
[GenerateSerializer, Alias("participatie.state.Client")]
public sealed class ClientState
{
    /// <summary>
    /// 2 adds trajectories, experiment memberships, income forms, measures and frozen statements; 3 adds the social
    /// contract, well-being check-ins, the contact journal and outflow to work.
    /// </summary>
    public const int CurrentSchema = 3;

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
    /// <summary>Trajectories the person is or was on, by start date; they never overlap.</summary>
    [Id(17)] public List<TrajectoryRecord> Trajectories { get; set; } = [];

    /// <summary>Per experiment id, the newest membership the experiment sent (the experiment is the truth about it).</summary>
    [Id(18)] public Dictionary<string, MembershipRecord> Experiments { get; set; } = [];

    /// <summary>The monthly income forms, one per month.</summary>
    [Id(19)] public List<MonthReportRecord> MonthReports { get; set; } = [];

    /// <summary>Measures decided against the person.</summary>
    [Id(20)] public List<SanctionRecord> Sanctions { get; set; } = [];

    /// <summary>Statements of paid months as frozen by the payment run: returned as stored, never recomputed.</summary>
    [Id(21)] public List<StatementRecord> Statements { get; set; } = [];

    /// <summary>
    /// Later versions of paid months' statements (2, 3, …), each made by a later pass of the month's run after an
    /// income form or decision reopened the month; the first version stays in <see cref="Statements"/> as frozen.
    /// </summary>
    [Id(22)] public List<StatementRecord> Revisions { get; set; } = [];

    /// <summary>Paid months that a later income form or decision reopened, to be revised by the month's next pass.</summary>
    [Id(23)] public List<RevisionDueRecord> RevisionsDue { get; set; } = [];

    // The social contract and the person's record (issue 4; ids from 300 keep clear of other additions).

    /// <summary>Goals of the social contract, in the order proposed; at most <c>ContractRules.MaxGoals</c>.</summary>
    [Id(300)] public List<GoalRecord> Goals { get; set; } = [];

    /// <summary>The coach's suggestions and the person's answers, in the order made.</summary>
    [Id(301)] public List<SuggestionRecord> Suggestions { get; set; } = [];

    [Id(302)] public bool LegallyBinding { get; set; }

    [Id(303)] public DateTimeOffset? LegallyBindingSince { get; set; }

    /// <summary>A party asked to change the binding mark; it changes when the other party says the same.</summary>
    [Id(304)] public bool? PendingBinding { get; set; }

    [Id(305)] public Party? PendingBindingBy { get; set; }

    /// <summary>Every change of the contract, oldest first; sequence numbers count from 1.</summary>
    [Id(306)] public List<ContractChangeRecord> ContractHistory { get; set; } = [];

    [Id(307)] public List<WellBeingRecord> WellBeing { get; set; } = [];

    [Id(308)] public List<JournalEntryRecord> Journal { get; set; } = [];

    /// <summary>The latest journal date of a contact type that counts as contact (follow-ups are due from it).</summary>
    [Id(309)] public DateOnly? LastContactOn { get; set; }

    [Id(310)] public List<OutflowRecord> Outflows { get; set; } = [];

    // Participation in partners' activities (ids from 140; see ClientGrain.Participation).

    /// <summary>The last day with hours in any activity; decides whether the person is active.</summary>
    [Id(140)] public DateOnly? LastParticipationOn { get; set; }

    /// <summary>Per activity id, the newest contribution the activity sent (the activity is the truth about it).</summary>
    [Id(141)] public Dictionary<string, ActivityParticipationRecord> Participation { get; set; } = [];

    // The client directory, the projection that lists and searches read.

    /// <summary>The directory has not yet been sent the latest version (part of the outbox).</summary>
    [Id(320)] public bool PendingDirectory { get; set; }

    /// <summary>The directory has had a row of this record; false in records from before the directory, which send one when activated.</summary>
    [Id(321)] public bool InDirectory { get; set; }
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
