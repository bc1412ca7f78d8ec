namespace Participatie.Grains.Infrastructure;

/// <summary>
/// The storage provider and the state names. Each grain type has its own state name: ADO.NET storage keys rows by
/// grain key and state name, so two types sharing a name and a key would share a row.
/// </summary>
public static class StorageNames
{
    public const string Provider = "participatie";

    public const string Client = "client-v1";
    public const string Coach = "coach-v1";
    public const string Neighbourhood = "neighbourhood-v1";
    public const string Directory = "directory-v1";
    public const string PartnerKeys = "partner-keys-v1";
    public const string Experiment = "experiment-v1";
    public const string PaymentRun = "payment-run-v1";
    public const string Partner = "partner-v1";
    public const string Activity = "activity-v1";
    public const string CaseloadHandOver = "caseload-hand-over-v1";
}
