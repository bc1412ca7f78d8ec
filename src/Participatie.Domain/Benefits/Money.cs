using System.Globalization;

namespace Participatie.Domain.Benefits;

/// <summary>Euro-cent arithmetic and how amounts read in explanations.</summary>
internal static class Money
{
    /// <summary>
    /// <paramref name="percent"/>% of an amount, rounded to the nearest cent with halves away from zero (so half a cent
    /// goes to the person when the amount is paid to them). Decimal arithmetic: exact for every percent in the table.
    /// </summary>
    public static long PercentOf(long cents, decimal percent) =>
        (long)Math.Round(cents * percent / 100m, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The cost-sharer norm per person: (40 + 30·A) / (100·A) × the couple norm, computed in whole numbers and rounded to
    /// the nearest cent, halves up.
    /// </summary>
    public static long CostSharerNorm(long coupleNormCents, int adults)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(adults, 1);
        var numerator = coupleNormCents * (40 + (30L * adults));
        var denominator = 100L * adults;
        return (numerator + (denominator / 2)) / denominator;
    }

    /// <summary>A fraction of a yearly amount per month: cents / 12, rounded to the nearest cent, halves up.</summary>
    public static long Twelfth(long yearlyCents) => (yearlyCents + 6) / 12;

    /// <summary>E.g. €1,401.50.</summary>
    public static string Euro(long cents) =>
        (cents < 0 ? "-€" : "€") + (Math.Abs(cents) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>E.g. 25% or 12.5%.</summary>
    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
