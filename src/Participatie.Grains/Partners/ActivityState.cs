using Participatie.Domain.Participation;

namespace Participatie.Grains.Partners;

/// <summary>
/// The stored record of one activity: its details, every person who agreed to take part (by client id, which never
/// leaves the platform) with their reference, place and hours, and the people whose record has not yet heard of their
/// latest change (the outbox).
/// </summary>
[GenerateSerializer, Alias("participatie.state.Activity")]
public sealed class ActivityState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    [Id(1)] public bool Created { get; set; }

    [Id(2)] public string PartnerId { get; set; } = string.Empty;

    [Id(3)] public string Title { get; set; } = string.Empty;

    [Id(4)] public ActivityType Type { get; set; }

    [Id(5)] public string NeighbourhoodId { get; set; } = string.Empty;

    [Id(6)] public int Capacity { get; set; }

    [Id(7)] public string Schedule { get; set; } = string.Empty;

    [Id(8)] public string Contact { get; set; } = string.Empty;

    [Id(9)] public string CreatedBy { get; set; } = string.Empty;

    [Id(10)] public DateTimeOffset CreatedAt { get; set; }

    [Id(11)] public DateOnly? ClosedOn { get; set; }

    [Id(12)] public string? CloseReason { get; set; }

    /// <summary>Everyone who agreed to take part, by client id.</summary>
    [Id(13)] public Dictionary<string, ParticipantRecord> Participants { get; set; } = [];

    /// <summary>People whose record has not yet heard of their latest change.</summary>
    [Id(14)] public List<string> PendingClients { get; set; } = [];

    /// <summary>The version of the activity's offer (created, moved, closed), sent to its neighbourhoods.</summary>
    [Id(15)] public long OfferVersion { get; set; }

    /// <summary>Neighbourhoods not yet told of the newest offer (the old one too after a move): part of the outbox.</summary>
    [Id(16)] public List<string> PendingNeighbourhoods { get; set; } = [];

    /// <summary>The partner's name as it was when the activity was created (empty in records stored before it was kept).</summary>
    [Id(17)] public string PartnerName { get; set; } = string.Empty;
}

[GenerateSerializer, Alias("participatie.state.ActivityParticipant")]
public sealed class ParticipantRecord
{
    /// <summary>The pseudonym partners know the person by; it means nothing outside this activity.</summary>
    [Id(0)] public string Reference { get; set; } = string.Empty;

    [Id(1)] public string FirstName { get; set; } = string.Empty;

    [Id(2)] public ParticipantStatus Status { get; set; }

    [Id(3)] public DateTimeOffset AgreedAt { get; set; }

    [Id(4)] public string AgreedBy { get; set; } = string.Empty;

    [Id(5)] public DateTimeOffset? EnrolledAt { get; set; }

    /// <summary>Goes up with every change to this participant; the person's record keeps the newest it was sent.</summary>
    [Id(6)] public long Version { get; set; }

    /// <summary>Hours by day, in day order.</summary>
    [Id(7)] public List<AttendanceRecord> Days { get; set; } = [];
}

/// <summary>A day's hours in force and the figures corrections replaced, oldest first.</summary>
[GenerateSerializer, Alias("participatie.state.Attendance")]
public sealed class AttendanceRecord
{
    [Id(0)] public DateOnly Day { get; set; }

    [Id(1)] public HoursRecord Current { get; set; } = new();

    [Id(2)] public List<HoursRecord> History { get; set; } = [];
}

[GenerateSerializer, Alias("participatie.state.Hours")]
public sealed class HoursRecord
{
    [Id(0)] public int Minutes { get; set; }

    [Id(1)] public DateTimeOffset RecordedAt { get; set; }

    [Id(2)] public string RecordedBy { get; set; } = string.Empty;
}
