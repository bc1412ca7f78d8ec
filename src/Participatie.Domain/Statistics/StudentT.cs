using MathNet.Numerics.RootFinding;
using Distribution = MathNet.Numerics.Distributions.StudentT;

namespace Participatie.Domain.Statistics;

/// <summary>
/// Student's t distribution with ν degrees of freedom (ν may be fractional, as Welch's test gives it), computed by
/// MathNet.Numerics through the regularised incomplete beta function.
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) for ν = <paramref name="degreesOfFreedom"/>.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (double.IsNaN(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), "must be a number");
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 1 : 0;
        }

        return Distribution.CDF(0, 1, degreesOfFreedom, t);
    }

    /// <summary>The two-sided p-value of a t statistic: P(|T| ≥ |t|) = 2·P(T ≤ −|t|).</summary>
    /// <remarks>Taken from the lower tail, which MathNet computes directly, so small p-values keep their digits.</remarks>
    public static double TwoSidedP(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        return double.IsInfinity(t) ? 0 : Math.Min(1, 2 * Cdf(-Math.Abs(t), degreesOfFreedom));
    }

    /// <summary>The t with P(T ≤ t) = p, where the CDF is within 1e-12 of p.</summary>
    /// <remarks>
    /// MathNet's own <c>InvCDF</c> is a Brent root search on the CDF between −800 and 800, which fails beyond them: for
    /// one degree of freedom above p = 0.9996, and for ν below 1 (which Welch's test never gives) already at 0.975.
    /// The same search with MathNet's bracket expansion gives the same result inside and keeps going outside.
    /// </remarks>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (double.IsNaN(p) || p <= 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "must be a probability strictly between 0 and 1");
        }

        return p == 0.5
            ? 0
            : Brent.FindRootExpand(t => Distribution.CDF(0, 1, degreesOfFreedom, t) - p, -800, 800, accuracy: 1e-12);
    }

    private static void CheckDegreesOfFreedom(double degreesOfFreedom)
    {
        if (double.IsNaN(degreesOfFreedom) || degreesOfFreedom <= 0 || double.IsInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), "must be a positive, finite number");
        }
    }
}
