using Participatie.Domain.People;

namespace Participatie.Domain.Reintegration;

/// <summary>
/// One municipality's weights for the reintegration estimate, valid from a date. Bound from configuration
/// (<c>Reintegration:Models</c>); the law sets no categories, so every figure here is municipal policy.
/// </summary>
public sealed class ReintegrationModel
{
    /// <summary>A name people can trace an estimate to, e.g. "rotterdam-2026".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The first day on which these weights apply.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Months to paid work for a person with no obstacles at all.</summary>
    public int BaseMonths { get; set; }

    /// <summary>Estimates above this many months fall beyond the cut (no reintegration offer). Commonly 24.</summary>
    public int CutMonths { get; set; } = 24;

    /// <summary>The estimate never exceeds this many months.</summary>
    public int MaximumMonths { get; set; } = 120;

    /// <summary>Months added per age band: the band with the highest <see cref="Band.From"/> not above the age applies.</summary>
    public List<Band> AgeBands { get; set; } = [];

    public Dictionary<EducationLevel, int> Education { get; set; } = [];

    /// <summary>Months per band of years of work experience.</summary>
    public List<Band> WorkExperienceBands { get; set; } = [];

    public Dictionary<LanguageProficiency, int> Language { get; set; } = [];

    public Dictionary<HealthLimitation, int> Health { get; set; } = [];

    public Dictionary<SocialCircumstance, int> SocialCircumstances { get; set; } = [];

    /// <summary>Months per band of years on assistance.</summary>
    public List<Band> YearsOnAssistanceBands { get; set; } = [];

    /// <summary>Problems with this model, each naming the configuration key; empty when it is usable.</summary>
    public IEnumerable<string> Problems(string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return $"{path}:Name is required";
        }

        if (EffectiveFrom == default)
        {
            yield return $"{path}:EffectiveFrom is required (yyyy-MM-dd)";
        }

        if (CutMonths is < 1 or > 240)
        {
            yield return $"{path}:CutMonths must be between 1 and 240";
        }

        if (MaximumMonths < CutMonths)
        {
            yield return $"{path}:MaximumMonths must not be below CutMonths";
        }

        foreach (var level in Enum.GetValues<EducationLevel>().Skip(1).Where(l => !Education.ContainsKey(l)))
        {
            yield return $"{path}:Education:{level} is missing";
        }

        foreach (var level in Enum.GetValues<LanguageProficiency>().Skip(1).Where(l => !Language.ContainsKey(l)))
        {
            yield return $"{path}:Language:{level} is missing";
        }

        foreach (var level in Enum.GetValues<HealthLimitation>().Skip(1).Where(l => !Health.ContainsKey(l)))
        {
            yield return $"{path}:Health:{level} is missing";
        }

        foreach (var circumstance in Enum.GetValues<SocialCircumstance>().Skip(1).Where(c => !SocialCircumstances.ContainsKey(c)))
        {
            yield return $"{path}:SocialCircumstances:{circumstance} is missing";
        }

        foreach (var (name, bands) in new[] { ("AgeBands", AgeBands), ("WorkExperienceBands", WorkExperienceBands), ("YearsOnAssistanceBands", YearsOnAssistanceBands) })
        {
            if (bands.Count == 0 || bands.Min(b => b.From) != 0)
            {
                yield return $"{path}:{name} must have a band starting at 0";
            }
        }
    }
}

/// <summary>A band of a numeric factor: from <see cref="From"/> upwards (until the next band) it adds <see cref="Months"/>.</summary>
public sealed class Band
{
    public int From { get; set; }

    public int Months { get; set; }
}
