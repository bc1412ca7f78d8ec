using Participatie.Domain.Experiments;

namespace Participatie.Domain.Tests.Experiments;

public sealed class SplitMix64Tests
{
    [Fact]
    public void TheFirstNumbersMatchThePublishedReferenceForSeed1234567()
    {
        // Rosetta Code, "Pseudo-random numbers/Splitmix64": the first five numbers for seed 1234567.
        var random = new SplitMix64(1234567);

        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            Enumerable.Range(0, 5).Select(_ => random.Next()).ToArray());
    }

    [Fact]
    public void TheFirstNumberForSeedZeroMatchesTheReferenceImplementation()
    {
        // The first output of Vigna's splitmix64.c with x = 0.
        Assert.Equal(0xE220A8397B1DCDAFUL, new SplitMix64(0).Next());
    }

    [Fact]
    public void NextBelowStaysInRangeAndReachesEveryValue()
    {
        var random = new SplitMix64(7);
        var seen = new int[6];

        for (var i = 0; i < 6000; i++)
        {
            seen[random.NextBelow(6)]++;
        }

        // Each of the six values about 1000 times; far outside 800-1200 would mean a biased or broken mapping.
        Assert.All(seen, count => Assert.InRange(count, 800, 1200));
    }

    [Fact]
    public void NextBelowOneIsAlwaysZeroAndBelowOneIsRefused()
    {
        var random = new SplitMix64(1);

        Assert.Equal(0, random.NextBelow(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextBelow(0));
    }

    [Fact]
    public void ShuffleIsAPermutationAndDependsOnTheSeed()
    {
        var items = Enumerable.Range(0, 50).ToList();
        var first = items.ToList();
        var second = items.ToList();

        new SplitMix64(1).Shuffle(first);
        new SplitMix64(2).Shuffle(second);

        Assert.Equal(items, first.Order());
        Assert.NotEqual(items, first);
        Assert.NotEqual(first, second);
    }
}
