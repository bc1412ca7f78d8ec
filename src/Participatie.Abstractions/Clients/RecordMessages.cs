using Participatie.Domain.Contracts;

namespace Participatie.Abstractions.Clients;

/// <summary>A well-being check-in: 0 (very bad) to 10 (very good), with an optional note in the person's or coach's words.</summary>
[GenerateSerializer, Immutable, Alias("participatie.RecordWellBeing")]
public sealed record WellBeingCommand(
    [property: Id(0)] int Score,
    [property: Id(1)] string Note,
    [property: Id(2)] string? RequestId);

[GenerateSerializer, Immutable, Alias("participatie.WellBeingView")]
public sealed record WellBeingView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] int Score,
    [property: Id(2)] string? Note,
    [property: Id(3)] Party By,
    [property: Id(4)] DateTimeOffset At);

/// <summary>An entry of the contact journal; <c>ContactedOn</c> is an ISO date.</summary>
[GenerateSerializer, Immutable, Alias("participatie.AddJournalEntry")]
public sealed record JournalEntryCommand(
    [property: Id(0)] ContactType Type,
    [property: Id(1)] string ContactedOn,
    [property: Id(2)] string Note,
    [property: Id(3)] string? RequestId);

[GenerateSerializer, Immutable, Alias("participatie.JournalEntryView")]
public sealed record JournalEntryView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ContactType Type,
    [property: Id(2)] DateOnly ContactedOn,
    [property: Id(3)] string Note,
    [property: Id(4)] Party By,
    [property: Id(5)] string AuthorId,
    [property: Id(6)] DateTimeOffset RecordedAt);

/// <summary>Outflow to work: hours a week from a start date (ISO).</summary>
[GenerateSerializer, Immutable, Alias("participatie.ReportOutflow")]
public sealed record OutflowCommand(
    [property: Id(0)] int HoursPerWeek,
    [property: Id(1)] string StartOn);

[GenerateSerializer, Immutable, Alias("participatie.OutflowView")]
public sealed record OutflowView(
    [property: Id(0)] int HoursPerWeek,
    [property: Id(1)] DateOnly StartOn,
    [property: Id(2)] Party By,
    [property: Id(3)] DateTimeOffset ReportedAt);

/// <summary>
/// The person's record at a glance: the latest well-being check-in, the last contact, outflow to work and the income
/// forms of recent months (the ones <c>ReportEarnings</c> recorded, newest first).
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.PersonRecordView")]
public sealed record PersonRecordView(
    [property: Id(0)] WellBeingView? LatestWellBeing,
    [property: Id(1)] int WellBeingCheckIns,
    [property: Id(2)] DateOnly? LastContactOn,
    [property: Id(3)] int JournalEntries,
    [property: Id(4)] IReadOnlyList<OutflowView> Outflows,
    [property: Id(5)] IReadOnlyList<MonthReportView> RecentEarnings);

/// <summary>Everything the person's grain holds of them, for their own export: the record and all of the contract.</summary>
[GenerateSerializer, Immutable, Alias("participatie.PersonExport")]
public sealed record PersonExport(
    [property: Id(0)] ClientView Record,
    [property: Id(1)] ContractExport Contract);

/// <summary>Everything of the contract and the record, for the person's export.</summary>
[GenerateSerializer, Immutable, Alias("participatie.ContractExport")]
public sealed record ContractExport(
    [property: Id(0)] SocialContractView Contract,
    [property: Id(1)] IReadOnlyList<ContractChangeView> History,
    [property: Id(2)] IReadOnlyList<WellBeingView> WellBeing,
    [property: Id(3)] IReadOnlyList<JournalEntryView> Journal,
    [property: Id(4)] IReadOnlyList<OutflowView> Outflows,
    [property: Id(5)] IReadOnlyList<MonthReportView> Earnings);
