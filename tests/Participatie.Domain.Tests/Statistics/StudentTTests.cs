using Participatie.Domain.Statistics;

namespace Participatie.Domain.Tests.Statistics;

public sealed class StudentTTests
{
    // NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2 "Critical values of the Student's t distribution",
    // printed to three decimals: the t with upper-tail probability 0.05, 0.025 or 0.005.
    [Theory]
    [InlineData(1, 0.975, 12.706)]
    [InlineData(2, 0.975, 4.303)]
    [InlineData(5, 0.975, 2.571)]
    [InlineData(10, 0.975, 2.228)]
    [InlineData(30, 0.975, 2.042)]
    [InlineData(100, 0.975, 1.984)]
    [InlineData(10, 0.95, 1.812)]
    [InlineData(10, 0.995, 3.169)]
    public void QuantileMatchesTheNistCriticalValues(double degreesOfFreedom, double p, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(p, degreesOfFreedom), 0.0005);
        Assert.Equal(p, StudentT.Cdf(expected, degreesOfFreedom), 0.0005);
    }

    [Theory]
    [InlineData(-30.0)]
    [InlineData(-2.5)]
    [InlineData(-0.3)]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    [InlineData(100.0)]
    public void CdfMatchesTheClosedFormsForOneAndTwoDegreesOfFreedom(double t)
    {
        // Closed forms (e.g. Wikipedia, "Student's t-distribution", special cases): ν = 1 is the Cauchy distribution,
        // F(t) = ½ + arctan(t)/π; for ν = 2, F(t) = ½ + t / (2√(2 + t²)).
        Assert.Equal(0.5 + (Math.Atan(t) / Math.PI), StudentT.Cdf(t, 1), 1e-13);
        Assert.Equal(0.5 + (t / (2 * Math.Sqrt(2 + (t * t)))), StudentT.Cdf(t, 2), 1e-13);
    }

    [Fact]
    public void CdfOfOneForOneDegreeOfFreedomIsThreeQuarters()
    {
        Assert.Equal(0.75, StudentT.Cdf(1, 1), 1e-14);
    }

    [Fact]
    public void WithManyDegreesOfFreedomTheDistributionApproachesTheNormal()
    {
        foreach (var t in new[] { -3.0, -1.0, 0.5, 2.0 })
        {
            Assert.Equal(Normal.Cdf(t), StudentT.Cdf(t, 1e6), 1e-6);
        }
    }

    [Fact]
    public void FractionalDegreesOfFreedomLieBetweenTheirIntegerNeighbours()
    {
        var at7 = StudentT.Quantile(0.975, 7);
        var at7Point03 = StudentT.Quantile(0.975, 7.03);
        var at8 = StudentT.Quantile(0.975, 8);

        Assert.InRange(at7Point03, at8, at7);
    }

    [Theory]
    [InlineData(0.9999)]
    [InlineData(1e-6)]
    public void QuantileReachesBeyondEightHundredForOneDegreeOfFreedom(double p)
    {
        // The Cauchy quantile tan(π(p − ½)): 3183.10 at p = 0.9999, about −318,310 at p = 1e-6.
        var expected = Math.Tan(Math.PI * (p - 0.5));

        Assert.Equal(1, StudentT.Quantile(p, 1) / expected, 1e-6);
    }

    [Fact]
    public void QuantileHoldsForFewerThanOneDegreeOfFreedom()
    {
        var t = StudentT.Quantile(0.975, 0.3);

        Assert.InRange(t, 800, double.MaxValue);
        Assert.Equal(0.975, StudentT.Cdf(t, 0.3), 1e-10);
    }

    [Fact]
    public void TwoSidedPIsTwiceTheTail()
    {
        Assert.Equal(2 * StudentT.Cdf(-2.1, 12.5), StudentT.TwoSidedP(2.1, 12.5), 1e-14);
        Assert.Equal(1.0, StudentT.TwoSidedP(0, 4), 1e-15);
        Assert.Equal(0.0, StudentT.TwoSidedP(double.NegativeInfinity, 4));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ImpossibleDegreesOfFreedomAreRefused(double degreesOfFreedom)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Cdf(1, degreesOfFreedom));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.9, degreesOfFreedom));
    }
}
