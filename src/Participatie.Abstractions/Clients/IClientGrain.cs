namespace Participatie.Abstractions.Clients;

/// <summary>
/// One person on social assistance, at intake and in their estimate: registration, the record as the gateway shows it,
/// the estimate and a coach's override. Key: an opaque client id ("cl-…"), never the BSN. The person's other concerns are
/// facets of the same grain (<see cref="IClientCaseGrain"/>, <see cref="IClientContractGrain"/>,
/// <see cref="IClientRecordGrain"/>, <see cref="IClientBenefitsGrain"/>, <see cref="IClientRightsGrain"/>): one
/// activation, one stored record, whichever facet is called.
/// </summary>
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
}
