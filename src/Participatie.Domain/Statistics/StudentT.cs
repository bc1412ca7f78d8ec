namespace Participatie.Domain.Statistics;

/// <summary>Student's t distribution with ν degrees of freedom (ν may be fractional, as Welch's test gives it).</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) for ν = <paramref name="degreesOfFreedom"/>, through the regularised incomplete beta function.</summary>
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

        var tail = 0.5 * TwoSidedTail(t, degreesOfFreedom);
        return t < 0 ? tail : 1 - tail;
    }

    /// <summary>The two-sided p-value of a t statistic: P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½).</summary>
    public static double TwoSidedP(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        return double.IsInfinity(t) ? 0 : Math.Min(1, TwoSidedTail(t, degreesOfFreedom));
    }

    /// <summary>The t with P(T ≤ t) = p, found by bisection on <see cref="Cdf"/> to within 1e-12.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (double.IsNaN(p) || p <= 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "must be a probability strictly between 0 and 1");
        }

        if (p == 0.5)
        {
            return 0;
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        // The t quantile lies above the normal one; widen the upper bound until it brackets p.
        var low = 0.0;
        var high = Math.Max(1, 2 * Normal.Quantile(p));
        while (Cdf(high, degreesOfFreedom) < p)
        {
            low = high;
            high *= 2;
        }

        while (high - low > 1e-12 * Math.Max(1, high))
        {
            var middle = (low + high) / 2;
            if (Cdf(middle, degreesOfFreedom) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }

    private static double TwoSidedTail(double t, double nu) => SpecialFunctions.IncompleteBeta(nu / 2, 0.5, nu / (nu + (t * t)));

    private static void CheckDegreesOfFreedom(double degreesOfFreedom)
    {
        if (double.IsNaN(degreesOfFreedom) || degreesOfFreedom <= 0 || double.IsInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), "must be a positive, finite number");
        }
    }
}
