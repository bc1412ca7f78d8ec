using Orleans.Concurrency;

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
}
