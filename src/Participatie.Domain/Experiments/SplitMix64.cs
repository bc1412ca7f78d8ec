namespace Participatie.Domain.Experiments;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the public-domain
/// C code by Sebastiano Vigna at prng.di.unimi.it/splitmix64.c). Implemented here, and never System.Random, so a
/// recorded seed gives the same numbers on every runtime for as long as anyone needs to reproduce a lottery.
/// <code>
/// state += 0x9E3779B97F4A7C15
/// z = state
/// z = (z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9
/// z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB
/// return z ^ (z &gt;&gt; 31)          (all arithmetic modulo 2^64)
/// </code>
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64-bit number.</summary>
    public ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// A uniform number in [0, <paramref name="bound"/>), without modulo bias: numbers below 2^64 mod bound are drawn
    /// again, and the accepted number is taken modulo bound.
    /// </summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var n = (ulong)bound;
        var threshold = unchecked(0UL - n) % n;
        while (true)
        {
            var x = Next();
            if (x >= threshold)
            {
                return (int)(x % n);
            }
        }
    }

    /// <summary>Fisher–Yates: for i from the last index down to 1, swap item i with item <see cref="NextBelow"/>(i + 1).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
