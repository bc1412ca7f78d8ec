using Participatie.Domain.People;

namespace Participatie.Grains.Coaches;

/// <summary>The stored record of one coach and the caseload as derived from the people's records.</summary>
[GenerateSerializer, Alias("participatie.state.Coach")]
public sealed class CoachState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    [Id(1)] public bool Created { get; set; }

    [Id(2)] public string? RequestId { get; set; }

    [Id(3)] public string DisplayName { get; set; } = string.Empty;

    [Id(4)] public int CaseloadLimit { get; set; }

    [Id(5)] public string? NeighbourhoodId { get; set; }

    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Per person the newest contribution seen: in the caseload, reserved, or removed (kept as a version marker).</summary>
    [Id(7)] public Dictionary<string, CaseloadEntryRecord> Entries { get; set; } = [];

    [Id(8)] public DateTimeOffset LastFullReconcile { get; set; }

    /// <summary>What the creating request asked for (<see cref="Infrastructure.RequestFingerprint"/>); null in records created before it was kept.</summary>
    [Id(9)] public string? RequestFingerprint { get; set; }

    /// <summary>The newest inbox items, oldest first, at most <see cref="MaxInboxItems"/>.</summary>
    [Id(10)] public List<InboxItemRecord> Inbox { get; set; } = [];

    /// <summary>The sequence number of the newest inbox item ever added (items age out, numbers are never reused).</summary>
    [Id(11)] public long InboxSequence { get; set; }

    [Id(12)] public DateTimeOffset LastFollowUpCheck { get; set; }

    /// <summary>Grows with every stored change of the caseload: the version of the figures the platform's status keeps (0 in older records).</summary>
    [Id(13)] public long FiguresVersion { get; set; }

    public const int MaxInboxItems = 500;
}

[GenerateSerializer, Alias("participatie.state.InboxItem")]
public sealed class InboxItemRecord
{
    [Id(0)] public long Sequence { get; set; }

    [Id(1)] public Abstractions.Coaches.InboxItemKind Kind { get; set; }

    [Id(2)] public string ClientId { get; set; } = string.Empty;

    [Id(3)] public DateTimeOffset At { get; set; }

    [Id(4)] public string Text { get; set; } = string.Empty;
}

public enum EntryStatus
{
    Reserved = 1,
    Active = 2,
    Removed = 3,
}

[GenerateSerializer, Alias("participatie.state.CaseloadEntry")]
public sealed class CaseloadEntryRecord
{
    [Id(0)] public long Version { get; set; }

    [Id(1)] public EntryStatus Status { get; set; }

    [Id(2)] public string DisplayName { get; set; } = string.Empty;

    [Id(3)] public string NeighbourhoodId { get; set; } = string.Empty;

    [Id(4)] public Segment Segment { get; set; }

    [Id(5)] public DateTimeOffset ChangedAt { get; set; }

    [Id(6)] public DateTimeOffset AssignedAt { get; set; }

    /// <summary>The last contact as the person's record reported it.</summary>
    [Id(7)] public DateOnly? LastContactOn { get; set; }

    /// <summary>The contact interval of the person's regime at the last follow-up check; null until the first.</summary>
    [Id(8)] public int? ContactIntervalDays { get; set; }

    /// <summary>The due date for which an overdue item was raised, so that it is raised once per due date.</summary>
    [Id(9)] public DateOnly? OverdueRaisedFor { get; set; }

    public bool Counts => Status is EntryStatus.Reserved or EntryStatus.Active;
}
