using Participatie.Abstractions.Clients;

namespace Participatie.Abstractions.Coaches;

/// <summary>A case manager: caseload and its limit. Key: a coach id ("co-…").</summary>
[Alias("participatie.ICoachGrain")]
public interface ICoachGrain : IGrainWithStringKey
{
    /// <summary>Creates the coach; repeating the same request returns the same coach.</summary>
    [Alias("Create")]
    Task<CoachView> CreateAsync(CreateCoachCommand command);

    /// <summary>Reads the coach without the caseload.</summary>
    [Alias("Get")]
    Task<CoachView> GetAsync();

    /// <summary>Reads a page of the caseload, entries after the given client id.</summary>
    [Alias("GetCaseload")]
    Task<CaseloadPage> GetCaseloadAsync(string? after, int pageSize);

    /// <summary>
    /// Holds a place for a person before their record commits to this coach; fails when the caseload is full.
    /// Unconfirmed places are checked against the person's record and dropped when it never committed.
    /// </summary>
    [Alias("Reserve")]
    Task ReserveAsync(string clientId, long version, CaseloadSummary summary);

    /// <summary>Applies a person's contribution to the caseload if it is newer than what the coach holds.</summary>
    [Alias("Apply")]
    Task ApplyAsync(CaseloadContribution contribution);

    /// <summary>Checks the caseload against the people's records and repairs any difference.</summary>
    [Alias("Reconcile")]
    Task<ReconcileResult> ReconcileAsync(bool includeConfirmed);
}
