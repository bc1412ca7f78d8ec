namespace Participatie.Abstractions.Clients;

/// <summary>
/// The person's rights on their own record: the team's view of it only with their agreement, the end of the case and the
/// retention after it, legal holds, the BSN kept for payment only, and their own export. A facet of the person's grain
/// (<see cref="IClientGrain"/>): same key, same activation.
/// </summary>
[Alias("participatie.IClientRightsGrain")]
public interface IClientRightsGrain : IGrainWithStringKey
{
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

    /// <summary>Everything held of the person (the record, the whole contract), for their own export, in one read.</summary>
    [Alias("Export")]
    Task<PersonExport> ExportAsync();
}
