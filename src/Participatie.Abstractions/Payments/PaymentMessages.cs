using System.Globalization;
using Participatie.Abstractions.Clients;

namespace Participatie.Abstractions.Payments;

/// <summary>Where a month's payment run stands.</summary>
public enum PaymentRunStatus
{
    Unspecified = 0,
    NotStarted = 1,
    Running = 2,
    Completed = 3,
}

/// <summary>A person whose statement could not be computed, and why (no personal details).</summary>
[GenerateSerializer, Immutable, Alias("participatie.PaymentFailure")]
public sealed record PaymentFailureView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string Reason);

/// <summary>What one neighbourhood's residents were paid.</summary>
[GenerateSerializer, Immutable, Alias("participatie.NeighbourhoodPayment")]
public sealed record NeighbourhoodPaymentView(
    [property: Id(0)] string NeighbourhoodId,
    [property: Id(1)] int Paid,
    [property: Id(2)] long TotalCents);

/// <summary>A month's payment run: progress, totals and the summary per neighbourhood.</summary>
[GenerateSerializer, Immutable, Alias("participatie.PaymentRunView")]
public sealed record PaymentRunView(
    [property: Id(0)] string RunId,
    [property: Id(1)] DateOnly Month,
    [property: Id(2)] PaymentRunStatus Status,
    [property: Id(3)] int Expected,
    [property: Id(4)] int Processed,
    [property: Id(5)] int Paid,
    [property: Id(6)] long TotalCents,
    [property: Id(7)] int ZeroTotal,
    [property: Id(8)] int Failed,
    [property: Id(9)] IReadOnlyList<PaymentFailureView> Failures,
    [property: Id(10)] IReadOnlyList<NeighbourhoodPaymentView> Neighbourhoods,
    [property: Id(11)] string? StartedBy,
    [property: Id(12)] DateTimeOffset? StartedAt,
    [property: Id(13)] DateTimeOffset? CompletedAt,
    [property: Id(14)] int Passes,
    [property: Id(15)] IReadOnlyList<PaymentPassView>? PassSummaries = null);

/// <summary>
/// One pass of a month's run: the first pays everyone; each later one (nabetaling) pays only those not yet paid for
/// the month and the difference for each person whose paid month a later income form or decision changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.PaymentPass")]
public sealed record PaymentPassView(
    [property: Id(0)] int Number,
    [property: Id(1)] PaymentRunStatus Status,
    [property: Id(2)] string? StartedBy,
    [property: Id(3)] DateTimeOffset? StartedAt,
    [property: Id(4)] DateTimeOffset? CompletedAt,
    [property: Id(5)] int Expected,
    [property: Id(6)] int Processed,
    [property: Id(7)] int Paid,
    [property: Id(8)] long PaidCents,
    [property: Id(9)] int ZeroTotal,
    [property: Id(10)] int Supplementary,
    [property: Id(11)] long SupplementaryCents,
    [property: Id(12)] int Recoveries,
    [property: Id(13)] long RecoveryCents,
    [property: Id(14)] int Failed);

/// <summary>
/// One line of a pass of a run: what the payment export needs. <see cref="TotalCents"/> is the total of the statement
/// version the line pays; <see cref="AmountCents"/> what the line pays (the whole total for a first payment, the
/// difference from the version before for a correction; negative for an amount owed back). The BSN stays encrypted
/// until the gateway writes the export line; null when the person never gave payment details.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.PaymentLine")]
public sealed record PaymentLine(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string NeighbourhoodId,
    [property: Id(2)] long TotalCents,
    [property: Id(3)] string? PaymentRunId,
    [property: Id(4)] string? EncryptedBsn,
    [property: Id(5)] int Pass = 0,
    [property: Id(6)] int Version = 0,
    [property: Id(7)] long AmountCents = 0,
    [property: Id(8)] PaymentKind Kind = PaymentKind.Unspecified,
    [property: Id(9)] string? Reason = null,
    [property: Id(10)] DateTimeOffset? At = null);

/// <summary>Where a payment export stands: the neighbourhood being walked and the last person of it exported.</summary>
[GenerateSerializer, Immutable, Alias("participatie.PaymentExportCursor")]
public sealed record PaymentExportCursor(
    [property: Id(0)] string NeighbourhoodId,
    [property: Id(1)] string? AfterClientId);

/// <summary>
/// One page of a payment export of the pass <see cref="Pass"/> (ask the next page of that pass, not of "the newest");
/// <see cref="Next"/> is null after the last page.
/// </summary>
[GenerateSerializer, Immutable, Alias("participatie.PaymentExportPage")]
public sealed record PaymentExportPage(
    [property: Id(0)] IReadOnlyList<PaymentLine> Lines,
    [property: Id(1)] PaymentExportCursor? Next,
    [property: Id(2)] int Pass = 0);

/// <summary>The keys of payment runs: one grain per month, <c>pay-yyyy-MM</c> (a non-hex prefix).</summary>
public static class PaymentRunKeys
{
    public const string Prefix = "pay-";

    public static string For(DateOnly month) => Prefix + month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month a key names; null for a key that is not a payment run's.</summary>
    public static DateOnly? MonthOf(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal)
        && DateOnly.TryParseExact(key[Prefix.Length..], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : null;
}
