using Orleans.Concurrency;

namespace Participatie.Abstractions.Payments;

/// <summary>
/// The payment run of one month: walks every person neighbourhood by neighbourhood in batches and has each freeze (and
/// so be paid) their statement exactly once. Progress is stored after every batch; a reminder continues a run that a
/// crash broke off. Key: <see cref="PaymentRunKeys.For"/> (<c>pay-2026-01</c>).
/// </summary>
[Alias("participatie.IPaymentRunGrain")]
public interface IPaymentRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run, or continues it; a completed run without failures is returned unchanged.</summary>
    [Alias("Start")]
    Task<PaymentRunView> StartAsync(string startedBy);

    /// <summary>
    /// The people a completed run paid, page by page in the order of the run's walk (neighbourhood, then person),
    /// each with their encrypted BSN: the payment export. FAILED_PRECONDITION while the run is not completed.
    /// </summary>
    [Alias("Export")]
    Task<PaymentExportPage> ExportAsync(PaymentExportCursor? after, int size);

    /// <summary>The run's progress or outcome; answered between batches.</summary>
    [Alias("Get")]
    [AlwaysInterleave]
    Task<PaymentRunView> GetAsync();
}
