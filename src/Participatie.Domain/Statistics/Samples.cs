namespace Participatie.Domain.Statistics;

/// <summary>A yes/no outcome in one group: how many people, and for how many the outcome happened (e.g. working 12+ hours a week).</summary>
public sealed record ShareSample
{
    public ShareSample(int count, int successes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (successes < 0 || successes > count)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), "must be between 0 and the count");
        }

        Count = count;
        Successes = successes;
    }

    public int Count { get; }

    public int Successes { get; }

    /// <summary>The share with the outcome; null for an empty group.</summary>
    public double? Share => Count == 0 ? null : (double)Successes / Count;
}

/// <summary>A numeric outcome in one group, summarised as count, mean and sample variance (denominator n − 1).</summary>
public sealed record MeanSample
{
    public MeanSample(int count, double mean, double variance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), "must be a finite number");
        }

        if (!double.IsFinite(variance) || variance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(variance), "must be a finite number of at least 0");
        }

        Count = count;
        Mean = mean;
        Variance = variance;
    }

    public int Count { get; }

    /// <summary>The mean; meaningless (0) when <see cref="Count"/> is 0.</summary>
    public double Mean { get; }

    /// <summary>The sample variance Σ(x − mean)² / (n − 1); 0 when <see cref="Count"/> is below 2.</summary>
    public double Variance { get; }

    /// <summary>Summarises raw observations (two passes over the values, for accuracy).</summary>
    public static MeanSample Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new MeanSample(0, 0, 0);
        }

        var mean = values.Average();
        var variance = values.Count < 2 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new MeanSample(values.Count, mean, variance);
    }
}
