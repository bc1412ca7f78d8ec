using Participatie.Domain.Statistics;

namespace Participatie.Domain.Tests.Statistics;

public sealed class NormalTests
{
    // Abramowitz & Stegun, Handbook of Mathematical Functions (1964), Table 26.1: P(x) printed to 15 decimals.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.691462461274013)]
    [InlineData(1.0, 0.841344746068543)]
    [InlineData(1.96, 0.975002104851780)]
    [InlineData(2.0, 0.977249868051821)]
    [InlineData(3.0, 0.998650101968370)]
    public void CdfMatchesAbramowitzAndStegunTable26_1(double x, double expected)
    {
        Assert.Equal(expected, Normal.Cdf(x), 1e-14);
        Assert.Equal(1 - expected, Normal.Cdf(-x), 1e-14);
    }

    // The NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.1 (cumulative distribution function of the
    // standard normal, five decimals): the area between 0 and x.
    [Theory]
    [InlineData(0.25, 0.09871)]
    [InlineData(1.25, 0.39435)]
    [InlineData(2.58, 0.49506)]
    public void CdfMatchesTheNistHandbookTable(double x, double areaFromZero)
    {
        Assert.Equal(areaFromZero, Normal.Cdf(x) - 0.5, 0.000005);
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(6.0)]
    [InlineData(8.0)]
    [InlineData(12.0)]
    public void TheUpperTailKeepsItsRelativeAccuracyWithinMillsRatioBounds(double x)
    {
        // Gordon's (1941) bounds on Mills' ratio: φ(x)·x/(1 + x²) < 1 − Φ(x) < φ(x)/x for x > 0. Computing the tail
        // as 1 − Φ(x) in doubles would give 0 beyond x ≈ 8.3; Φ(−x) must not.
        var density = Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);
        var tail = Normal.Cdf(-x);

        Assert.InRange(tail, density * x / (1 + (x * x)), density / x);
    }

    // A&S Table 26.5 (percentage points): Q(x) = 0.05, 0.025, 0.005 at x = 1.644853627, 1.959963985, 2.575829304.
    [Theory]
    [InlineData(0.95, 1.644853627)]
    [InlineData(0.975, 1.959963985)]
    [InlineData(0.995, 2.575829304)]
    public void QuantileMatchesThePublishedPercentagePoints(double p, double expected)
    {
        Assert.Equal(expected, Normal.Quantile(p), 1e-9);
        Assert.Equal(-expected, Normal.Quantile(1 - p), 1e-9);
    }

    [Fact]
    public void QuantileInvertsTheCdfAcrossTheWholeRange()
    {
        foreach (var p in new[] { 1e-12, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97575, 0.999, 1 - 1e-9 })
        {
            Assert.Equal(p, Normal.Cdf(Normal.Quantile(p)), p * 1e-9);
        }
    }

    [Fact]
    public void QuantileOfZeroAndOneIsInfinite()
    {
        Assert.Equal(double.NegativeInfinity, Normal.Quantile(0));
        Assert.Equal(double.PositiveInfinity, Normal.Quantile(1));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void QuantileRejectsWhatIsNotAProbability(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.Quantile(p));
    }

    [Fact]
    public void TwoSidedPOfZeroIsOneAndOf1_96IsFivePercent()
    {
        Assert.Equal(1.0, Normal.TwoSidedP(0), 1e-15);
        Assert.Equal(0.05, Normal.TwoSidedP(Normal.Quantile(0.975)), 1e-12);
        Assert.Equal(Normal.TwoSidedP(2.5), Normal.TwoSidedP(-2.5));
    }
}
