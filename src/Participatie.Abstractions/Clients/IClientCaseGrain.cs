using Orleans.Concurrency;

namespace Participatie.Abstractions.Clients;

/// <summary>
/// The person's case as others see it: their coach, and the facts coaches, neighbourhoods and the gateway ask of the
/// record (who may see it, when to follow up, what the person adds to their neighbourhood). A facet of the person's
/// grain (<see cref="IClientGrain"/>): same key, same activation.
/// </summary>
[Alias("participatie.IClientCaseGrain")]
public interface IClientCaseGrain : IGrainWithStringKey
{
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

    /// <summary>The last contact and the contact interval of the regime in force on <paramref name="on"/>, for the coach's follow-up.</summary>
    [Alias("GetFollowUpFacts")]
    [AlwaysInterleave]
    Task<Coaches.FollowUpFacts> GetFollowUpFactsAsync(DateOnly on);

    /// <summary>What the person contributes to a neighbourhood's figures now (a resident of it or not), for a rebuild.</summary>
    [Alias("GetResidentContribution")]
    [AlwaysInterleave]
    Task<Neighbourhoods.ResidentContribution> GetResidentContributionAsync(string neighbourhoodId);
}
