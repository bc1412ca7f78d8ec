namespace Participatie.Domain.Statistics;

/// <summary>Which test produced an <see cref="ArmComparison"/>.</summary>
public enum ComparisonMethod
{
    Unspecified = 0,

    /// <summary>Two-proportion z-test: pooled standard error for the test, unpooled (Wald) standard error for the interval.</summary>
    TwoProportionZ = 1,

    /// <summary>Welch's unequal-variances t-test with Welch–Satterthwaite degrees of freedom and a t-based interval.</summary>
    WelchT = 2,
}

/// <summary>
/// An experiment arm against the control group, intention to treat: everyone assigned to the arm counts, whether
/// they took up the treatment or not. Figures that cannot be computed from the data are null, and
/// <see cref="NotAvailable"/> says why.
/// </summary>
/// <param name="Method">The test used.</param>
/// <param name="ArmCount">People assigned to the arm (with an outcome).</param>
/// <param name="ControlCount">People assigned to the control group (with an outcome).</param>
/// <param name="ArmEstimate">The arm's share (0–1) or mean.</param>
/// <param name="ControlEstimate">The control group's share (0–1) or mean.</param>
/// <param name="Difference">Arm minus control: the intention-to-treat (ITT) effect.</param>
/// <param name="StandardError">
/// The standard error of <paramref name="Difference"/> that the interval uses: for shares the unpooled
/// √(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂); for means the Welch √(s₁²/n₁ + s₂²/n₂).
/// </param>
/// <param name="IntervalLow">Lower end of the 95% interval of the difference.</param>
/// <param name="IntervalHigh">Upper end of the 95% interval of the difference.</param>
/// <param name="TestStatistic">z (divided by the pooled standard error under "no difference") or Welch's t.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom; null for the z-test.</param>
/// <param name="PValue">Two-sided p-value of "no difference".</param>
/// <param name="EffectOnTreated">The ITT effect scaled up to those actually treated, or why it is not available.</param>
/// <param name="NotAvailable">Why some figures are null; null when everything could be computed.</param>
public sealed record ArmComparison(
    ComparisonMethod Method,
    int ArmCount,
    int ControlCount,
    double? ArmEstimate,
    double? ControlEstimate,
    double? Difference,
    double? StandardError,
    double? IntervalLow,
    double? IntervalHigh,
    double? TestStatistic,
    double? DegreesOfFreedom,
    double? PValue,
    EffectOnTreated EffectOnTreated,
    string? NotAvailable)
{
    /// <summary>The confidence level of the interval.</summary>
    public const double ConfidenceLevel = 0.95;
}

/// <summary>
/// The effect on the treated (ToT, Bloom's estimator): the ITT effect divided by the share of the arm that actually
/// received the treatment (complied). It assumes nobody in the control group received it and that being assigned
/// without taking it up has no effect. <see cref="Value"/> is null when it cannot be computed, and
/// <see cref="NotAvailable"/> says why; it is never infinite.
/// </summary>
public sealed record EffectOnTreated(double? Value, double? TreatedShare, string? NotAvailable)
{
    /// <summary>Scales an ITT effect by the treated share of the arm.</summary>
    /// <param name="intentionToTreat">The ITT effect; null when it is not available.</param>
    /// <param name="treatedInArm">How many in the arm actually got the treatment; null when take-up was not recorded.</param>
    /// <param name="armCount">How many were assigned to the arm.</param>
    public static EffectOnTreated Estimate(double? intentionToTreat, int? treatedInArm, int armCount)
    {
        if (treatedInArm is null)
        {
            return new EffectOnTreated(null, null, "take-up of the treatment was not recorded");
        }

        if (treatedInArm < 0 || treatedInArm > armCount)
        {
            throw new ArgumentOutOfRangeException(nameof(treatedInArm), "must be between 0 and the number in the arm");
        }

        if (armCount == 0)
        {
            return new EffectOnTreated(null, null, "the arm has no participants");
        }

        var share = (double)treatedInArm.Value / armCount;
        if (treatedInArm == 0)
        {
            return new EffectOnTreated(null, share, "nobody in the arm received the treatment, so the effect on the treated is undefined");
        }

        return intentionToTreat is null
            ? new EffectOnTreated(null, share, "the intention-to-treat effect is not available")
            : new EffectOnTreated(intentionToTreat / share, share, null);
    }
}
