namespace Participatie.Cli.Seeding;

/// <summary>Draws one of several values with given relative weights.</summary>
internal static class Weighted
{
    public static T Pick<T>(Random random, params (T Value, int Weight)[] choices)
    {
        var draw = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (draw < weight)
            {
                return value;
            }

            draw -= weight;
        }

        throw new ArgumentException("weights must be positive", nameof(choices));
    }
}
