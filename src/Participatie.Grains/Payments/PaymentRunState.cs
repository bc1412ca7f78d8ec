using Participatie.Abstractions.Payments;

namespace Participatie.Grains.Payments;

/// <summary>
/// The stored progress of a month's payment run: where the walk stands (neighbourhood and last person), the number of
/// the last completed batch, and the totals so far. Stored after every batch, with the totals of that batch, so a run
/// continued after a crash repeats at most one batch and counts nobody twice.
/// </summary>
[GenerateSerializer, Alias("participatie.state.PaymentRun")]
public sealed class PaymentRunState
{
    public const int CurrentSchema = 1;
    public const int MaxListedFailures = 100;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    [Id(1)] public PaymentRunStatus Status { get; set; } = PaymentRunStatus.NotStarted;

    [Id(2)] public string? StartedBy { get; set; }

    [Id(3)] public DateTimeOffset? StartedAt { get; set; }

    [Id(4)] public DateTimeOffset? CompletedAt { get; set; }

    [Id(5)] public int Passes { get; set; }

    [Id(6)] public int Expected { get; set; }

    [Id(7)] public int Processed { get; set; }

    /// <summary>The number of the last batch whose results are in the totals; batches are numbered across passes.</summary>
    [Id(8)] public int Batch { get; set; }

    /// <summary>The neighbourhood being walked; null before the first and after the last.</summary>
    [Id(9)] public string? CursorNeighbourhood { get; set; }

    /// <summary>The last person of that neighbourhood whose statement was frozen.</summary>
    [Id(10)] public string? CursorAfter { get; set; }

    [Id(11)] public int Paid { get; set; }

    [Id(12)] public long TotalCents { get; set; }

    [Id(13)] public int ZeroTotal { get; set; }

    [Id(14)] public int Failed { get; set; }

    [Id(15)] public List<FailureRecord> Failures { get; set; } = [];

    [Id(16)] public Dictionary<string, NeighbourhoodTotalRecord> Neighbourhoods { get; set; } = [];

    /// <summary>
    /// The batch being paid: stored before any statement of it is frozen, so a run broken off half-way repeats exactly
    /// the same people with the same batch number, and counts each of them once.
    /// </summary>
    [Id(17)] public BatchRecord? Current { get; set; }

    /// <summary>
    /// Every pass of the run, numbered from 1; the last is the one under way or the last completed. A run stored before
    /// passes were recorded has none: it reads as a single pass 1 (see <see cref="PaymentRunGrain"/>).
    /// </summary>
    [Id(18)] public List<PassRecord> PassLog { get; set; } = [];

    /// <summary>
    /// A run stored before passes were recorded reads as one pass 1, its retries of failures included: the statements
    /// it froze say no pass, which reads as pass 1 too. Changes memory only; stored with the next write.
    /// </summary>
    public void ReadLegacyPasses()
    {
        if (PassLog.Count > 0 || Passes == 0)
        {
            return;
        }

        Passes = 1;
        PassLog.Add(new PassRecord
        {
            Number = 1,
            StartedBy = StartedBy,
            StartedAt = StartedAt,
            CompletedAt = CompletedAt,
            Expected = Expected,
            Processed = Processed,
            Paid = Paid,
            PaidCents = TotalCents,
            ZeroTotal = ZeroTotal,
            Failed = Failed,
        });
    }
}

/// <summary>
/// One pass of a run: when and by whom it was started, and what it paid — first payments, supplementary payments
/// (nabetalingen) and amounts owed back (terugvorderingen), each counted when the pass made the line.
/// </summary>
[GenerateSerializer, Alias("participatie.state.PaymentPass")]
public sealed class PassRecord
{
    [Id(0)] public int Number { get; set; }

    [Id(1)] public string? StartedBy { get; set; }

    [Id(2)] public DateTimeOffset? StartedAt { get; set; }

    [Id(3)] public DateTimeOffset? CompletedAt { get; set; }

    [Id(4)] public int Expected { get; set; }

    [Id(5)] public int Paid { get; set; }

    [Id(6)] public long PaidCents { get; set; }

    [Id(7)] public int ZeroTotal { get; set; }

    [Id(8)] public int Supplementary { get; set; }

    [Id(9)] public long SupplementaryCents { get; set; }

    [Id(10)] public int Recoveries { get; set; }

    /// <summary>The amounts owed back, as a positive sum.</summary>
    [Id(11)] public long RecoveryCents { get; set; }

    [Id(12)] public int Processed { get; set; }

    [Id(13)] public int Failed { get; set; }
}

/// <summary>
/// A batch: up to a batch size of people in walk order, which may run on from one neighbourhood into the next, and the
/// position of the walk after it.
/// </summary>
[GenerateSerializer, Alias("participatie.state.PaymentBatch")]
public sealed class BatchRecord
{
    [Id(0)] public int Number { get; set; }

    /// <summary>The neighbourhood the batch begins in.</summary>
    [Id(1)] public string Neighbourhood { get; set; } = string.Empty;

    [Id(2)] public List<string> ClientIds { get; set; } = [];

    /// <summary>
    /// Where the walk stands after the batch: the neighbourhood and its last person visited (null when the batch
    /// ended on an empty neighbourhood). A batch stored before batches spanned neighbourhoods has none: it ends in
    /// <see cref="Neighbourhood"/> after its last person.
    /// </summary>
    [Id(3)] public string? EndNeighbourhood { get; set; }

    [Id(4)] public string? EndAfter { get; set; }

    public (string Neighbourhood, string? After) End => EndNeighbourhood is null ? (Neighbourhood, ClientIds[^1]) : (EndNeighbourhood, EndAfter);
}

[GenerateSerializer, Alias("participatie.state.PaymentFailure")]
public sealed class FailureRecord
{
    [Id(0)] public string ClientId { get; set; } = string.Empty;

    [Id(1)] public string Reason { get; set; } = string.Empty;
}

[GenerateSerializer, Alias("participatie.state.NeighbourhoodTotal")]
public sealed class NeighbourhoodTotalRecord
{
    [Id(0)] public int Paid { get; set; }

    [Id(1)] public long TotalCents { get; set; }
}
