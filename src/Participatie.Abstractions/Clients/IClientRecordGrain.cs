using Orleans.Concurrency;

namespace Participatie.Abstractions.Clients;

/// <summary>
/// The person's record of their way to work: well-being, the contact journal, outflow and the activities they take part
/// in. A facet of the person's grain (<see cref="IClientGrain"/>): same key, same activation.
/// </summary>
[Alias("participatie.IClientRecordGrain")]
public interface IClientRecordGrain : IGrainWithStringKey
{
    /// <summary>A well-being check-in by the person or their coach.</summary>
    [Alias("RecordWellBeing")]
    Task<WellBeingView> RecordWellBeingAsync(ContractActor actor, WellBeingCommand command);

    /// <summary>A page of well-being check-ins, newest first.</summary>
    [Alias("ListWellBeing")]
    Task<IReadOnlyList<WellBeingView>> ListWellBeingAsync(long? before, int size);

    /// <summary>An entry of the contact journal by the coach or a neighbourhood team member.</summary>
    [Alias("AddJournalEntry")]
    Task<JournalEntryView> AddJournalEntryAsync(ContractActor actor, JournalEntryCommand command);

    /// <summary>A page of the contact journal, newest first.</summary>
    [Alias("ListJournal")]
    Task<IReadOnlyList<JournalEntryView>> ListJournalAsync(long? before, int size);

    /// <summary>Outflow to work, reported by the person or their coach.</summary>
    [Alias("ReportOutflow")]
    Task<OutflowView> ReportOutflowAsync(ContractActor actor, OutflowCommand command);

    /// <summary>The person's record at a glance: well-being, last contact, outflow, recent earnings.</summary>
    [Alias("GetPersonRecord")]
    Task<PersonRecordView> GetPersonRecordAsync();

    /// <summary>Whether the person can take part in an activity, and the first name partners see; answered even while another call runs.</summary>
    [Alias("GetParticipantFacts")]
    [AlwaysInterleave]
    Task<ParticipantFacts> GetParticipantFactsAsync();

    /// <summary>What the record holds of each activity the person agreed to take part in: type, status and minutes per day.</summary>
    [Alias("GetParticipation")]
    [AlwaysInterleave]
    Task<IReadOnlyList<ParticipationContribution>> GetParticipationAsync();

    /// <summary>
    /// What the record holds of each activity, with the activity's title and its partner's name as they are now; answered
    /// even while another call runs, so an activity that is delivering to this record is never kept waiting by it.
    /// </summary>
    [Alias("GetParticipationInActivities")]
    [AlwaysInterleave]
    Task<IReadOnlyList<ActivityParticipationView>> GetParticipationInActivitiesAsync();

    /// <summary>Applies an activity's contribution (status and hours) if it is newer than what the record holds.</summary>
    [Alias("ApplyParticipation")]
    Task ApplyParticipationAsync(ParticipationContribution contribution);
}
