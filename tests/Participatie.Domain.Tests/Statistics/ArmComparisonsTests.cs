using Participatie.Domain.Statistics;

namespace Participatie.Domain.Tests.Statistics;

public sealed class ArmComparisonsTests
{
    // Welch's t-test, example 1 of Wikipedia's "Welch's t-test" article (also the first data set of Rosetta Code's
    // "Welch's t-test" task). Wikipedia prints t = −2.46, ν = 24.9, p = 0.021; R's t.test(A1, A2) prints
    // t = −2.455356, df = 24.98853, p-value = 0.02137800, 95 percent CI −3.984096 −0.349237.
    private static readonly double[] A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    private static readonly double[] A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

    [Fact]
    public void WelchMatchesTheWikipediaAndRWorkedExample()
    {
        var result = ArmComparisons.Means(MeanSample.Of(A1), MeanSample.Of(A2));

        Assert.Equal(ComparisonMethod.WelchT, result.Method);
        Assert.Equal(15, result.ArmCount);
        Assert.Equal(15, result.ControlCount);
        Assert.Equal(20.82, result.ArmEstimate!.Value, 1e-12);
        Assert.Equal(22.98666666666667, result.ControlEstimate!.Value, 1e-12);
        Assert.Equal(-2.455356398286, result.TestStatistic!.Value, 1e-9);
        Assert.Equal(24.98852929023, result.DegreesOfFreedom!.Value, 1e-9);
        Assert.Equal(0.021378001462867, result.PValue!.Value, 1e-12);
        Assert.Equal(-3.984096, result.IntervalLow!.Value, 1e-6);
        Assert.Equal(-0.349237, result.IntervalHigh!.Value, 1e-6);
        Assert.Equal(result.Difference!.Value / result.TestStatistic.Value, result.StandardError!.Value, 1e-12);
        Assert.Null(result.NotAvailable);
    }

    [Fact]
    public void WelchMatchesWikipediasStudentTTestExampleWithUnequalVariances()
    {
        // Wikipedia, "Student's t-test", worked examples (unequal variances): standard error ≈ 0.04849, d.f. ≈ 7.031,
        // t ≈ 1.959, two-tailed p ≈ 0.09077. Rosetta Code's "Welch's t-test" gives p = 0.090773324285671 for the same data.
        var result = ArmComparisons.Means(
            MeanSample.Of([30.02, 29.99, 30.11, 29.97, 30.01, 29.99]),
            MeanSample.Of([29.89, 29.93, 29.72, 29.98, 30.02, 29.98]));

        Assert.Equal(0.095, result.Difference!.Value, 1e-12);
        Assert.Equal(0.04849, result.StandardError!.Value, 0.000005);
        Assert.Equal(7.031, result.DegreesOfFreedom!.Value, 0.0005);
        Assert.Equal(1.959, result.TestStatistic!.Value, 0.0005);
        Assert.Equal(0.090773324285671, result.PValue!.Value, 1e-12);
    }

    [Fact]
    public void WelchHandlesAnExtremeVarianceRatioWithAboutTwoDegreesOfFreedom()
    {
        // Rosetta Code, "Welch's t-test", data set x = {3.0, 4.0, 1.0, 2.1}, y = {490.2, 340.0, 433.9}: p = 0.0107515611497845.
        var result = ArmComparisons.Means(MeanSample.Of([3.0, 4.0, 1.0, 2.1]), MeanSample.Of([490.2, 340.0, 433.9]));

        Assert.Equal(0.0107515611497845, result.PValue!.Value, 1e-12);
        Assert.Equal(2.0009, result.DegreesOfFreedom!.Value, 0.0001);
    }

    [Fact]
    public void TwoProportionTestUsesThePooledStandardErrorAsInStatsmodels()
    {
        // statsmodels, proportions_ztest docstring example: count = [5, 12], nobs = [83, 99] prints p = 0.159; its test
        // suite pins z = −1.4078304151258787, p = 0.15918129181156992. The unpooled error would give p = 0.146.
        var result = ArmComparisons.Shares(new ShareSample(83, 5), new ShareSample(99, 12));

        Assert.Equal(ComparisonMethod.TwoProportionZ, result.Method);
        Assert.Equal(-1.4078304151258787, result.TestStatistic!.Value, 1e-12);
        Assert.Equal(0.15918129181156992, result.PValue!.Value, 1e-12);
        Assert.Null(result.DegreesOfFreedom);
    }

    [Fact]
    public void TwoProportionIntervalUsesTheUnpooledStandardErrorAsInOpenIntro()
    {
        // OpenIntro, Introduction to Modern Statistics, ch. 17 (the CPR study): 14 of 40 survived with the blood thinner
        // against 11 of 50 without; difference 0.13, SE = √(0.35·0.65/40 + 0.22·0.78/50) ≈ 0.095, and the
        // normal-approximation 95% interval (−0.057, 0.317).
        var result = ArmComparisons.Shares(new ShareSample(40, 14), new ShareSample(50, 11));

        Assert.Equal(0.35, result.ArmEstimate!.Value, 1e-12);
        Assert.Equal(0.22, result.ControlEstimate!.Value, 1e-12);
        Assert.Equal(0.13, result.Difference!.Value, 1e-12);
        Assert.Equal(0.095, result.StandardError!.Value, 0.0005);
        Assert.Equal(Math.Sqrt((0.35 * 0.65 / 40) + (0.22 * 0.78 / 50)), result.StandardError.Value, 1e-12);
        Assert.Equal(-0.057, result.IntervalLow!.Value, 0.0005);
        Assert.Equal(0.317, result.IntervalHigh!.Value, 0.0005);
    }

    [Fact]
    public void TheUtrechtExemptionFigureGivesAPositiveDifference()
    {
        // DOMAIN.md: 24% working 12+ hours a week in the exemption arm against 15% in the comparison group.
        var result = ArmComparisons.Shares(new ShareSample(200, 48), new ShareSample(200, 30));

        Assert.Equal(0.09, result.Difference!.Value, 1e-12);
        Assert.True(result.IntervalLow < result.Difference && result.Difference < result.IntervalHigh);
        Assert.InRange(result.PValue!.Value, 0.0, 0.05);
    }

    [Fact]
    public void EffectOnTheTreatedDividesTheIttEffectByTheTreatedShare()
    {
        var result = ArmComparisons.Shares(new ShareSample(200, 48), new ShareSample(200, 30), treatedInArm: 150);

        Assert.Equal(0.75, result.EffectOnTreated.TreatedShare!.Value, 1e-12);
        Assert.Equal(0.09 / 0.75, result.EffectOnTreated.Value!.Value, 1e-12);
        Assert.Null(result.EffectOnTreated.NotAvailable);
    }

    [Fact]
    public void EffectOnTheTreatedIsNotAvailableWhenNobodyWasTreated()
    {
        var result = ArmComparisons.Shares(new ShareSample(200, 48), new ShareSample(200, 30), treatedInArm: 0);

        Assert.Null(result.EffectOnTreated.Value);
        Assert.Equal(0.0, result.EffectOnTreated.TreatedShare);
        Assert.Contains("nobody in the arm received the treatment", result.EffectOnTreated.NotAvailable, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectOnTheTreatedIsNotAvailableWhenTakeUpWasNotRecorded()
    {
        var result = ArmComparisons.Means(MeanSample.Of(A1), MeanSample.Of(A2));

        Assert.Null(result.EffectOnTreated.Value);
        Assert.Equal("take-up of the treatment was not recorded", result.EffectOnTreated.NotAvailable);
    }

    [Fact]
    public void MoreTreatedThanAssignedIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArmComparisons.Shares(new ShareSample(10, 5), new ShareSample(10, 5), treatedInArm: 11));
    }

    [Theory]
    [InlineData(0, 10, "the arm has no participants")]
    [InlineData(10, 0, "the control group has no participants")]
    [InlineData(0, 0, "neither the arm nor the control group has participants")]
    public void AnEmptyGroupLeavesEveryFigureOutAndSaysWhy(int armCount, int controlCount, string reason)
    {
        var shares = ArmComparisons.Shares(new ShareSample(armCount, 0), new ShareSample(controlCount, 0), treatedInArm: 0);
        var means = ArmComparisons.Means(new MeanSample(armCount, 1, 0), new MeanSample(controlCount, 1, 0));

        foreach (var result in new[] { shares, means })
        {
            Assert.Equal(reason, result.NotAvailable);
            Assert.Null(result.Difference);
            Assert.Null(result.StandardError);
            Assert.Null(result.IntervalLow);
            Assert.Null(result.IntervalHigh);
            Assert.Null(result.PValue);
            Assert.Null(result.EffectOnTreated.Value);
        }

        Assert.Equal(armCount == 0 ? null : 0.0, shares.ArmEstimate);
        Assert.Equal(controlCount == 0 ? null : 0.0, shares.ControlEstimate);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(50, 40)]
    public void WhenEveryOutcomeIsTheSameInBothGroupsTheTestIsUndefined(int armSuccesses, int controlSuccesses)
    {
        // All "no" (0 of 50 and 0 of 40) or all "yes" (50 of 50 and 40 of 40): the pooled standard error is 0.
        var result = ArmComparisons.Shares(new ShareSample(50, armSuccesses), new ShareSample(40, controlSuccesses));

        Assert.Equal(0.0, result.Difference);
        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(0.0, result.IntervalLow);
        Assert.Equal(0.0, result.IntervalHigh);
        Assert.Null(result.TestStatistic);
        Assert.Null(result.PValue);
        Assert.Contains("the test is undefined", result.NotAvailable, StringComparison.Ordinal);
    }

    [Fact]
    public void SharesOfOneAgainstZeroGiveADefinedTestButADegenerateWaldInterval()
    {
        var result = ArmComparisons.Shares(new ShareSample(20, 20), new ShareSample(20, 0));

        Assert.Equal(1.0, result.Difference);
        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(1.0, result.IntervalLow);
        Assert.Equal(1.0, result.IntervalHigh);
        // Pooled share ½: z = 1 / √(¼ · (1/20 + 1/20)) = √40.
        Assert.Equal(Math.Sqrt(40), result.TestStatistic!.Value, 1e-12);
        Assert.True(result.PValue < 1e-9);
    }

    [Fact]
    public void WhenNeitherGroupVariesTheWelchTestIsUndefinedButTheDifferenceIsKnown()
    {
        var result = ArmComparisons.Means(MeanSample.Of([4.0, 4.0, 4.0]), MeanSample.Of([3.0, 3.0]));

        Assert.Equal(1.0, result.Difference);
        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(1.0, result.IntervalLow);
        Assert.Equal(1.0, result.IntervalHigh);
        Assert.Null(result.TestStatistic);
        Assert.Null(result.DegreesOfFreedom);
        Assert.Null(result.PValue);
        Assert.Equal("neither group varies, so the t-test is undefined", result.NotAvailable);
    }

    [Fact]
    public void WhenOnlyOneGroupVariesTheDegreesOfFreedomAreThatGroupsNMinusOne()
    {
        var result = ArmComparisons.Means(MeanSample.Of([1.0, 2.0, 3.0, 4.0, 5.0]), MeanSample.Of([3.0, 3.0, 3.0]));

        Assert.Equal(4.0, result.DegreesOfFreedom!.Value, 1e-12);
        Assert.Equal(0.0, result.Difference!.Value, 1e-12);
        Assert.Equal(1.0, result.PValue!.Value, 1e-12);
    }

    [Fact]
    public void ASingleObservationGivesAMeanAndDifferenceButNoTest()
    {
        var result = ArmComparisons.Means(MeanSample.Of([7.0]), MeanSample.Of([3.0, 5.0]), treatedInArm: 1);

        Assert.Equal(7.0, result.ArmEstimate);
        Assert.Equal(3.0, result.Difference);
        Assert.Equal(3.0, result.EffectOnTreated.Value);
        Assert.Null(result.StandardError);
        Assert.Null(result.PValue);
        Assert.Equal("the arm has fewer than two observations, so its variance is unknown", result.NotAvailable);
    }

    [Fact]
    public void MeanSampleOfNoValuesIsEmpty()
    {
        var sample = MeanSample.Of([]);

        Assert.Equal(0, sample.Count);
        Assert.Equal(0.0, sample.Variance);
    }

    [Fact]
    public void ImpossibleSamplesAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShareSample(10, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShareSample(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeanSample(3, 1, -0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeanSample(3, double.NaN, 1));
    }
}
