namespace Participatie.Domain.Statistics;

/// <summary>The standard normal distribution.</summary>
public static class Normal
{
    // Acklam's rational approximation of the quantile (relative error below 1.15e-9), refined by one Halley step.
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    private const double LowTail = 0.02425;

    /// <summary>Φ(z), the probability that a standard normal variable is at most <paramref name="z"/>.</summary>
    /// <remarks>Computed as ½·erfc(−z/√2) with erfc(x) = Q(½, x²), so the far tails keep their relative accuracy.</remarks>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), "must be a number");
        }

        var tail = 0.5 * SpecialFunctions.UpperGamma(0.5, z * z / 2);
        return z < 0 ? tail : 1 - tail;
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

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        double x;
        if (p < LowTail)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = Tail(q);
        }
        else if (p > 1 - LowTail)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -Tail(q);
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((((((((A[0] * r) + A[1]) * r) + A[2]) * r) + A[3]) * r) + A[4]) * r) + A[5]) * q)
                / (((((((((B[0] * r) + B[1]) * r) + B[2]) * r) + B[3]) * r) + B[4]) * r + 1);
        }

        // One step of Halley's method on Φ(x) − p brings the result to full double precision.
        var e = Cdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    private static double Tail(double q) =>
        (((((((((((C[0] * q) + C[1]) * q) + C[2]) * q) + C[3]) * q) + C[4]) * q) + C[5]))
        / ((((((((D[0] * q) + D[1]) * q) + D[2]) * q) + D[3]) * q) + 1);
}
