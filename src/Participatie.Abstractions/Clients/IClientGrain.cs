using Orleans.Concurrency;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Regimes;

namespace Participatie.Abstractions.Clients;

/// <summary>One person on social assistance. Key: an opaque client id ("cl-…"), never the BSN.</summary>
[Alias("participatie.IClientGrain")]
public interface IClientGrain : IGrainWithStringKey
{
    /// <summary>Registers the person at intake and makes the first estimate; repeating the same request returns the same record.</summary>
    [Alias("Register")]
    Task<ClientView> RegisterAsync(RegisterClientCommand command);

    /// <summary>Reads the person's record.</summary>
    [Alias("Get")]
    Task<ClientView> GetAsync();

    /// <summary>Recomputes the estimate, first replacing the factors when new ones are given.</summary>
    [Alias("Assess")]
    Task<EstimateView> AssessAsync(FactorsData? factors, string assessedBy);

    /// <summary>Records a coach's own estimate with a mandatory written reason.</summary>
    [Alias("Override")]
    Task<EstimateView> OverrideEstimateAsync(int months, string reason, string coachId);

    /// <summary>Makes the coach this person's coach, releasing the previous one. Returns the previous coach id.</summary>
    [Alias("AssignCoach")]
    Task<string?> AssignCoachAsync(string coachId);

    /// <summary>Ends the coach's guidance; fails when the person is not in that coach's caseload.</summary>
    [Alias("ReleaseCoach")]
    Task ReleaseCoachAsync(string coachId);

    /// <summary>The coach assignment as the person's record holds it; answered even while another call is in progress.</summary>
    [Alias("GetCoachAssignment")]
    [AlwaysInterleave]
    Task<CoachAssignment> GetCoachAssignmentAsync();

    /// <summary>What the gateway needs to decide who may see this record; answered even while another call runs.</summary>
    [Alias("GetAccessFacts")]
    [AlwaysInterleave]
    Task<AccessFacts> GetAccessFactsAsync();

    /// <summary>Records the person's decision on whether their neighbourhood team may see the record.</summary>
    [Alias("SetTeamInvolvement")]
    Task<ClientView> SetTeamInvolvementAsync(bool agreed);

    /// <summary>Ends the case (releasing the coach) and starts the retention period after which the record is anonymised.</summary>
    [Alias("EndCase")]
    Task<CaseEnd> EndCaseAsync(DateOnly endedOn, string reason);

    /// <summary>Puts or lifts a legal hold, which keeps the record from anonymisation.</summary>
    [Alias("SetLegalHold")]
    Task<ClientView> SetLegalHoldAsync(bool hold, string reason);

    /// <summary>Stores the BSN, encrypted by the gateway before it gets here; the grain never sees the number.</summary>
    [Alias("SetEncryptedBsn")]
    Task<ClientView> SetEncryptedBsnAsync(string encryptedBsn);

    /// <summary>The encrypted BSN, for the payment export only; null when none is on file.</summary>
    [Alias("GetEncryptedBsn")]
    Task<string?> GetEncryptedBsnAsync();
    /// <summary>The person's regime on a day (null: today) and why each setting applies.</summary>
    [Alias("GetRegime")]
    Task<RegimeView> GetRegimeAsync(DateOnly? day);

    /// <summary>Puts the person on a configured trajectory, with consent where it lowers the benefit.</summary>
    [Alias("StartTrajectory")]
    Task<TrajectoryView> StartTrajectoryAsync(StartTrajectoryCommand command);

    /// <summary>Ends the trajectory in force on <c>lastDay</c> (ISO date) on that day.</summary>
    [Alias("EndTrajectory")]
    Task<TrajectoryView> EndTrajectoryAsync(string lastDay, string endedBy);

    /// <summary>Records a month's income form; refused once the month is paid.</summary>
    [Alias("ReportEarnings")]
    Task<MonthReportView> ReportEarningsAsync(ReportEarningsCommand command);

    /// <summary>Records a measure, if the regime allows sanctions.</summary>
    [Alias("RecordSanction")]
    Task<SanctionView> RecordSanctionAsync(RecordSanctionCommand command);

    /// <summary>The month's statement (<c>yyyy-MM</c>): as frozen when paid, else computed now.</summary>
    [Alias("GetBenefitStatement")]
    Task<StatementView> GetBenefitStatementAsync(string month);

    /// <summary>
    /// Pays the month in a pass of its run: an unpaid month's statement is computed and frozen (version 1); a paid month
    /// that a later income form or decision reopened gets a new version with the difference as its own line; otherwise
    /// the latest version is returned as stored. The result says which pass and batch made the latest version, so a run
    /// that repeats a batch after a crash counts each line once, and a person is paid at most one line per pass.
    /// </summary>
    [Alias("PayMonth")]
    Task<FreezeResult> PayMonthAsync(DateOnly month, string runId, int pass, int batch);

    /// <summary>The last contact and the contact interval of the regime in force on <paramref name="on"/>, for the coach's follow-up.</summary>
    [Alias("GetFollowUpFacts")]
    [AlwaysInterleave]
    Task<Coaches.FollowUpFacts> GetFollowUpFactsAsync(DateOnly on);

    /// <summary>What the person contributes to a neighbourhood's figures now (a resident of it or not), for a rebuild.</summary>
    [Alias("GetResidentContribution")]
    [AlwaysInterleave]
    Task<Neighbourhoods.ResidentContribution> GetResidentContributionAsync(string neighbourhoodId);

    /// <summary>
    /// The month's payment line made by one pass of its run, with the encrypted BSN, for the payment export; null when
    /// that pass made none for the person.
    /// </summary>
    [Alias("GetPaymentLineOfPass")]
    [ReadOnly]
    Task<Payments.PaymentLine?> GetPaymentLineAsync(DateOnly month, int pass);

    /// <summary>What an experiment needs of the person for eligibility and strata (no name).</summary>
    [Alias("GetExperimentCandidate")]
    [AlwaysInterleave]
    Task<ExperimentCandidate> GetExperimentCandidateAsync();

    /// <summary>Notes a sign-up for an experiment; refused while another experiment's period overlaps.</summary>
    [Alias("EnrolInExperiment")]
    Task EnrolInExperimentAsync(ExperimentEnrolment enrolment);

    /// <summary>Applies an experiment's membership if it is newer than what the record holds.</summary>
    [Alias("ApplyExperimentMembership")]
    Task ApplyExperimentMembershipAsync(ExperimentMembership membership);

    // The social contract (ClientGrain.Contract.cs) and the person's record (ClientGrain.Record.cs).

    /// <summary>The social contract: goals, suggestions and the binding mark.</summary>
    [Alias("GetSocialContract")]
    Task<SocialContractView> GetSocialContractAsync();

    /// <summary>A page of the contract's history, newest first, before a sequence number (null: from the newest).</summary>
    [Alias("ListContractHistory")]
    Task<IReadOnlyList<ContractChangeView>> ListContractHistoryAsync(long? before, int size);

    /// <summary>A goal proposed by the person or their coach; the proposer agrees by proposing.</summary>
    [Alias("ProposeGoal")]
    Task<GoalView> ProposeGoalAsync(ContractActor actor, ProposeGoalCommand command);

    /// <summary>The other party's agreement to a goal; agreeing again changes nothing.</summary>
    [Alias("AgreeGoal")]
    Task<GoalView> AgreeGoalAsync(ContractActor actor, string goalId);

    /// <summary>Progress on an agreed goal.</summary>
    [Alias("RecordGoalProgress")]
    Task<GoalView> RecordGoalProgressAsync(ContractActor actor, GoalProgressCommand command);

    /// <summary>A review of an open goal and its next review date.</summary>
    [Alias("ReviewGoal")]
    Task<GoalView> ReviewGoalAsync(ContractActor actor, ReviewGoalCommand command);

    /// <summary>Closes an open goal as achieved or stopped.</summary>
    [Alias("CloseGoal")]
    Task<GoalView> CloseGoalAsync(ContractActor actor, CloseGoalCommand command);

    /// <summary>A suggestion of the person's coach.</summary>
    [Alias("MakeSuggestion")]
    Task<SuggestionView> MakeSuggestionAsync(ContractActor actor, SuggestionCommand command);

    /// <summary>The person accepts or declines a suggestion in their own words; a decline has no consequence.</summary>
    [Alias("RespondToSuggestion")]
    Task<SuggestionView> RespondToSuggestionAsync(ContractActor actor, SuggestionAnswerCommand command);

    /// <summary>A party's word on whether the contract is legally binding; it changes when both said the same.</summary>
    [Alias("SetLegallyBinding")]
    Task<SocialContractView> SetLegallyBindingAsync(ContractActor actor, bool binding);

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

    /// <summary>Everything held of the person (the record, the whole contract), for their own export, in one read.</summary>
    [Alias("Export")]
    Task<PersonExport> ExportAsync();

    /// <summary>Whether the person can take part in an activity, and the first name partners see; answered even while another call runs.</summary>
    [Alias("GetParticipantFacts")]
    [AlwaysInterleave]
    Task<ParticipantFacts> GetParticipantFactsAsync();

    /// <summary>What the record holds of each activity the person agreed to take part in: type, status and minutes per day.</summary>
    [Alias("GetParticipation")]
    [AlwaysInterleave]
    Task<IReadOnlyList<ParticipationContribution>> GetParticipationAsync();

    /// <summary>Applies an activity's contribution (status and hours) if it is newer than what the record holds.</summary>
    [Alias("ApplyParticipation")]
    Task ApplyParticipationAsync(ParticipationContribution contribution);
}
