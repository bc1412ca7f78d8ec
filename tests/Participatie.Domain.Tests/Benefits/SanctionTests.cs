using Participatie.Domain.Benefits;

namespace Participatie.Domain.Tests.Benefits;

public sealed class SanctionTests
{
    private static readonly DateOnly March = new(2026, 3, 1);

    [Theory]
    [InlineData(100, 1, false, new[] { 0, 100, 0, 0, 0 })]
    [InlineData(100, 3, false, new[] { 0, 100, 100, 100, 0 })]
    [InlineData(30, 2, false, new[] { 0, 30, 30, 0, 0 })]
    [InlineData(100, 1, true, new[] { 0, 34, 33, 33, 0 })]
    [InlineData(100, 2, true, new[] { 0, 68, 66, 66, 0 })]
    [InlineData(100, 3, true, new[] { 0, 100, 100, 100, 0 })]
    [InlineData(20, 1, true, new[] { 0, 8, 6, 6, 0 })]
    public void PercentPerMonthFollowsTheMeasure(int percent, int months, bool spread, int[] expected)
    {
        var sanction = new Sanction("M-1", March, percent, months, spread);

        var perMonth = Enumerable.Range(-1, 5).Select(i => sanction.PercentIn(March.AddMonths(i))).ToArray();

        Assert.Equal(expected, perMonth);
        Assert.Equal(percent * months, perMonth.Sum());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ASpreadMeasurePutsAtLeastAThirdInTheFirstMonth(int months)
    {
        foreach (var percent in Enumerable.Range(1, 100))
        {
            var sanction = new Sanction("M-1", March, percent, months, SpreadOverThreeMonths: true);

            Assert.True(3 * sanction.PercentIn(March) >= percent * months);
            Assert.InRange(sanction.PercentIn(March), 0, 100);
        }
    }
}
