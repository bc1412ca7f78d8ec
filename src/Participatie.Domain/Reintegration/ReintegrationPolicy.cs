namespace Participatie.Domain.Reintegration;

/// <summary>The dated reintegration models of a municipality; the one in force on a day computes that day's estimates.</summary>
public sealed class ReintegrationPolicy
{
    public List<ReintegrationModel> Models { get; set; } = [];

    /// <summary>The model in force on <paramref name="day"/>: the latest whose EffectiveFrom is not after it.</summary>
    /// <exception cref="InvalidOperationException">No model applies yet on that day: a configuration error.</exception>
    public ReintegrationModel ModelOn(DateOnly day) =>
        Models.Where(m => m.EffectiveFrom <= day).MaxBy(m => m.EffectiveFrom)
        ?? throw new InvalidOperationException($"No reintegration model is in force on {day:yyyy-MM-dd}; configure Reintegration:Models.");

    /// <summary>Problems with the configuration, each naming its key.</summary>
    public IEnumerable<string> Problems()
    {
        if (Models.Count == 0)
        {
            yield return "Reintegration:Models must hold at least one model";
        }

        for (var i = 0; i < Models.Count; i++)
        {
            foreach (var problem in Models[i].Problems($"Reintegration:Models:{i}"))
            {
                yield return problem;
            }
        }

        foreach (var duplicate in Models.GroupBy(m => m.EffectiveFrom).Where(g => g.Count() > 1))
        {
            yield return $"Reintegration:Models has two models in force from {duplicate.Key:yyyy-MM-dd}";
        }
    }
}
