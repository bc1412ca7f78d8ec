using System.Globalization;
using Participatie.Domain.People;

namespace Participatie.Domain.Reintegration;

/// <summary>How much one factor added to (or took from) an estimate.</summary>
public sealed record Contribution(string Factor, string Value, int Months);

/// <summary>A computed estimate: the months, how each factor contributed, and where it falls against the cut.</summary>
public sealed record ComputedEstimate(
    int Months,
    IReadOnlyList<Contribution> Contributions,
    int CutMonths,
    Segment Segment,
    string Model,
    DateOnly ModelEffectiveFrom);

/// <summary>Computes the months to paid work from a person's factors with the model in force.</summary>
public static class ReintegrationEstimator
{
    public static ComputedEstimate Estimate(ReintegrationModel model, DateOnly dateOfBirth, ReintegrationFactors factors, DateOnly day)
    {
        var age = Age.On(dateOfBirth, day);
        List<Contribution> contributions =
        [
            new("base", "starting point", model.BaseMonths),
            new("age", Years(age), BandMonths(model.AgeBands, age)),
            new("education", Name(factors.Education), Lookup(model.Education, factors.Education)),
            new("work_experience", Years(factors.WorkExperienceYears), BandMonths(model.WorkExperienceBands, factors.WorkExperienceYears)),
            new("language", Name(factors.Language), Lookup(model.Language, factors.Language)),
            new("health", Name(factors.Health), Lookup(model.Health, factors.Health)),
        ];
        contributions.AddRange(factors.SocialCircumstances.Select(c => new Contribution("social_circumstances", Name(c), Lookup(model.SocialCircumstances, c))));
        contributions.Add(new("years_on_assistance", Years(factors.YearsOnAssistance), BandMonths(model.YearsOnAssistanceBands, factors.YearsOnAssistance)));

        var months = Math.Clamp(contributions.Sum(c => c.Months), 0, model.MaximumMonths);
        return new ComputedEstimate(months, contributions, model.CutMonths, Place(months, model.CutMonths), model.Name, model.EffectiveFrom);
    }

    /// <summary>Where a number of months falls against the cut: at or below it is within.</summary>
    public static Segment Place(int months, int cutMonths) => months <= cutMonths ? Segment.WithinCut : Segment.BeyondCut;

    private static int BandMonths(List<Band> bands, int value) =>
        bands.Where(b => b.From <= value).MaxBy(b => b.From)?.Months ?? 0;

    private static int Lookup<T>(Dictionary<T, int> weights, T key)
        where T : notnull => weights.TryGetValue(key, out var months) ? months : 0;

    private static string Years(int years) => years == 1 ? "1 year" : string.Create(CultureInfo.InvariantCulture, $"{years} years");

    private static string Name<T>(T value)
        where T : struct, Enum => Names.Snake(value);
}
