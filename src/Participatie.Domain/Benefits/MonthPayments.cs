namespace Participatie.Domain.Benefits;

/// <summary>A paid version of a month's statement, as the payment rules see it.</summary>
/// <param name="Month">The month (its first day).</param>
/// <param name="Pass">The pass of the month's payment run that paid it (1 for the first).</param>
/// <param name="Version">1 for the month's first statement, then 2, 3, … for each revision.</param>
/// <param name="TotalCents">The statement's total.</param>
/// <param name="AmountCents">What this version paid: the whole total for version 1, else the difference from the version before.</param>
public sealed record PaidVersion(DateOnly Month, int Pass, int Version, long TotalCents, long AmountCents)
{
    /// <summary>The month's first payment: version 1, the whole total.</summary>
    public static PaidVersion First(DateOnly month, int pass, long totalCents) => new(month, pass, 1, totalCents, totalCents);

    /// <summary>
    /// This version revised to <paramref name="totalCents"/> by <paramref name="pass"/>: the next version paying the
    /// difference (negative: owed back); null when the total is unchanged (a revision without a difference has no line).
    /// </summary>
    public PaidVersion? RevisedTo(int pass, long totalCents) =>
        totalCents == TotalCents ? null : new(Month, pass, Version + 1, totalCents, totalCents - TotalCents);
}

/// <summary>What a pass of a month's payment run does for one person.</summary>
public enum PaymentStep
{
    /// <summary>The month lies before the person's case (and the months it may reach back to): nothing is owed, in any pass.</summary>
    NothingOwed = 0,

    /// <summary>The month stays as paid: nothing reopened it, or this pass (or a later one) paid it already.</summary>
    AsPaid = 1,

    /// <summary>The month was never paid: compute its statement and freeze it as version 1.</summary>
    PayFirst = 2,

    /// <summary>A later fact reopened the paid month: compute it anew; a different total is paid as the next version.</summary>
    Revise = 3,
}

/// <summary>
/// When a month is paid, and revised. A statement is computed from the facts and rules of now until its month is paid;
/// the payment run then freezes it (version 1), and from then on it stays as it was paid. A later fact that touches a
/// paid month reopens it (<see cref="Reopening"/>): the month's next pass computes it anew and pays the difference as its
/// own line. At most one line per person and pass: a month reopened after this pass paid it waits for the next pass.
/// <para>
/// Decisions. The rules of the person's benefit (<see cref="IncomeForm"/>, <see cref="Measures"/>, this class, and
/// <c>Regimes.Trajectories</c>) are pure functions over small immutable records that return what changes or a
/// <see cref="BenefitRefusal"/>; they never hold the person's record. The grain keeps its stored records (Orleans and
/// JSON types whose property names may not change), builds these records from them, asks, and writes the answer back —
/// so one activation and one write per change stay as they were, and the rules need no storage or clock to be tested.
/// Bad fields are named by the records' own members (<c>nameof</c>); the gateway turns them into proto fields.
/// </para>
/// </summary>
public static class MonthPayments
{
    /// <summary>What <paramref name="pass"/> does for <paramref name="month"/>, given its latest paid version and whether it is reopened.</summary>
    public static PaymentStep Next(DateOnly month, int pass, PaidVersion? latest, bool reopened, DateOnly caseFirstDay) => latest switch
    {
        null when month < caseFirstDay => PaymentStep.NothingOwed,
        null => PaymentStep.PayFirst,
        _ when latest.Pass < pass && reopened => PaymentStep.Revise,
        _ => PaymentStep.AsPaid,
    };
}
