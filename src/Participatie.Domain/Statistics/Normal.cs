using Distribution = MathNet.Numerics.Distributions.Normal;

namespace Participatie.Domain.Statistics;

/// <summary>The standard normal distribution, computed by MathNet.Numerics.</summary>
public static class Normal
{
    /// <summary>Φ(z), the probability that a standard normal variable is at most <paramref name="z"/>.</summary>
    /// <remarks>MathNet computes it as ½·erfc(−z/√2), so the far tails keep their relative accuracy.</remarks>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), "must be a number");
        }

        return Distribution.CDF(0, 1, z);
    }

    /// <summary>The two-sided p-value of a z statistic: 2·Φ(−|z|).</summary>
    public static double TwoSidedP(double z) => Math.Min(1, 2 * Cdf(-Math.Abs(z)));

    /// <summary>Φ⁻¹(p): the z with Φ(z) = p. Returns −∞ for p = 0 and +∞ for p = 1.</summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "must be a probability between 0 and 1");
        }

        return Distribution.InvCDF(0, 1, p);
    }
}
