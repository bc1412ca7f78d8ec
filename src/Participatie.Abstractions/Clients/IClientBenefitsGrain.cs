using Orleans.Concurrency;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Regimes;

namespace Participatie.Abstractions.Clients;

/// <summary>
/// The person's benefit: the regime and what it depends on (trajectories, experiments, income forms, measures), the
/// month's statement and its payment. A facet of the person's grain (<see cref="IClientGrain"/>): same key, same
/// activation.
/// </summary>
[Alias("participatie.IClientBenefitsGrain")]
public interface IClientBenefitsGrain : IGrainWithStringKey
{
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
}
