namespace Participatie.Domain.Statistics;

/// <summary>Compares an experiment arm with the control group, as DOMAIN.md asks: estimate, standard error, 95% interval, p-value.</summary>
public static class ArmComparisons
{
    private static readonly double Z975 = Normal.Quantile(0.975);

    /// <summary>
    /// Two-proportion z-test. The test statistic divides the difference by the <b>pooled</b> standard error
    /// √(p̂(1−p̂)(1/n₁ + 1/n₂)), p̂ = (x₁ + x₂)/(n₁ + n₂), which is its standard error when there is no difference;
    /// the 95% interval uses the <b>unpooled</b> (Wald) standard error √(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂) with z = 1.95996.
    /// When every outcome is the same in both groups (p̂ = 0 or 1) the test is undefined and the p-value is null.
    /// The Wald interval has width 0 when both shares are 0 or 1; it is reported as computed.
    /// </summary>
    /// <param name="arm">Outcomes in the arm.</param>
    /// <param name="control">Outcomes in the control group.</param>
    /// <param name="treatedInArm">How many in the arm actually received the treatment, for the effect on the treated.</param>
    public static ArmComparison Shares(ShareSample arm, ShareSample control, int? treatedInArm = null)
    {
        var empty = EmptyReason(arm.Count, control.Count);
        if (empty is not null)
        {
            return Unavailable(ComparisonMethod.TwoProportionZ, arm.Count, control.Count, arm.Share, control.Share, treatedInArm, empty);
        }

        var p1 = arm.Share!.Value;
        var p2 = control.Share!.Value;
        var difference = p1 - p2;
        var standardError = Math.Sqrt((p1 * (1 - p1) / arm.Count) + (p2 * (1 - p2) / control.Count));
        var pooled = (double)(arm.Successes + control.Successes) / (arm.Count + control.Count);
        var pooledError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / arm.Count) + (1.0 / control.Count)));

        double? z = null;
        double? p = null;
        string? reason = null;
        if (pooledError > 0)
        {
            z = difference / pooledError;
            p = Normal.TwoSidedP(z.Value);
        }
        else
        {
            reason = $"every outcome is {(pooled == 0 ? "no" : "yes")} in both groups, so the test is undefined";
        }

        var margin = Z975 * standardError;
        return new ArmComparison(
            ComparisonMethod.TwoProportionZ,
            arm.Count,
            control.Count,
            p1,
            p2,
            difference,
            standardError,
            difference - margin,
            difference + margin,
            z,
            null,
            p,
            EffectOnTreated.Estimate(difference, treatedInArm, arm.Count),
            reason);
    }

    /// <summary>
    /// Welch's t-test: t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂) with the Welch–Satterthwaite degrees of freedom
    /// ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)); the 95% interval is the difference ± t(0.975, ν)
    /// times the standard error. Each group needs two observations for a variance. When neither group varies the
    /// standard error is 0: the interval collapses to the difference and the test (t, ν, p) is undefined.
    /// </summary>
    /// <param name="arm">Outcomes in the arm.</param>
    /// <param name="control">Outcomes in the control group.</param>
    /// <param name="treatedInArm">How many in the arm actually received the treatment, for the effect on the treated.</param>
    public static ArmComparison Means(MeanSample arm, MeanSample control, int? treatedInArm = null)
    {
        double? armMean = arm.Count == 0 ? null : arm.Mean;
        double? controlMean = control.Count == 0 ? null : control.Mean;
        var empty = EmptyReason(arm.Count, control.Count);
        if (empty is null && (arm.Count < 2 || control.Count < 2))
        {
            empty = $"the {(arm.Count < 2 ? "arm" : "control group")} has fewer than two observations, so its variance is unknown";
        }

        if (empty is not null)
        {
            var itt = armMean - controlMean;
            return Unavailable(ComparisonMethod.WelchT, arm.Count, control.Count, armMean, controlMean, treatedInArm, empty) with
            {
                Difference = itt,
                EffectOnTreated = EffectOnTreated.Estimate(itt, treatedInArm, arm.Count),
            };
        }

        var difference = arm.Mean - control.Mean;
        var v1 = arm.Variance / arm.Count;
        var v2 = control.Variance / control.Count;
        var standardError = Math.Sqrt(v1 + v2);
        var effect = EffectOnTreated.Estimate(difference, treatedInArm, arm.Count);
        if (standardError == 0)
        {
            return new ArmComparison(
                ComparisonMethod.WelchT, arm.Count, control.Count, arm.Mean, control.Mean, difference, 0, difference, difference,
                null, null, null, effect, "neither group varies, so the t-test is undefined");
        }

        var degreesOfFreedom = (v1 + v2) * (v1 + v2) / ((v1 * v1 / (arm.Count - 1)) + (v2 * v2 / (control.Count - 1)));
        var t = difference / standardError;
        var margin = StudentT.Quantile(0.975, degreesOfFreedom) * standardError;
        return new ArmComparison(
            ComparisonMethod.WelchT,
            arm.Count,
            control.Count,
            arm.Mean,
            control.Mean,
            difference,
            standardError,
            difference - margin,
            difference + margin,
            t,
            degreesOfFreedom,
            StudentT.TwoSidedP(t, degreesOfFreedom),
            effect,
            null);
    }

    private static string? EmptyReason(int armCount, int controlCount) => (armCount, controlCount) switch
    {
        (0, 0) => "neither the arm nor the control group has participants",
        (0, _) => "the arm has no participants",
        (_, 0) => "the control group has no participants",
        _ => null,
    };

    private static ArmComparison Unavailable(
        ComparisonMethod method, int armCount, int controlCount, double? armEstimate, double? controlEstimate, int? treatedInArm, string reason) =>
        new(method, armCount, controlCount, armEstimate, controlEstimate, null, null, null, null, null, null, null,
            EffectOnTreated.Estimate(null, treatedInArm, armCount), reason);
}
