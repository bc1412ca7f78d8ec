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
    /// <summary>
    /// Starts the run (pass 1), or continues the pass under way; once a pass completed, starts the next pass, which
    /// pays only those not yet paid for the month and the corrections of paid months (nobody is paid twice).
    /// </summary>
    [Alias("Start")]
    Task<PaymentRunView> StartAsync(string startedBy);

    /// <summary>
    /// The lines one completed pass made (<paramref name="pass"/> 0: the newest pass), page by page in the order of the
    /// run's walk (neighbourhood, then person), each with the encrypted BSN: the payment export of that pass, so that
    /// each pass's file pays only what the pass decided. FAILED_PRECONDITION while the pass is not completed.
    /// </summary>
    [Alias("ExportPass")]
    Task<PaymentExportPage> ExportAsync(int pass, PaymentExportCursor? after, int size);

    /// <summary>
    /// Waits at most <paramref name="maxWait"/> for pass <paramref name="pass"/> (0: the newest) to complete and returns
    /// the run as it then stands: a long poll, so that a caller awaits the completion itself instead of asking again
    /// and again. Answered from stored progress, so a caller that comes after the completion returns at once.
    /// </summary>
    [Alias("WaitUntilCompleted")]
    [AlwaysInterleave]
    Task<PaymentRunView> WaitUntilCompletedAsync(int pass, TimeSpan maxWait);

    /// <summary>The run's progress or outcome; answered between batches.</summary>
    [Alias("Get")]
    [AlwaysInterleave]
    Task<PaymentRunView> GetAsync();
}
