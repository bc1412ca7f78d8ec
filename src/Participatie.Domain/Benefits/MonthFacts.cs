using Participatie.Domain.People;

namespace Participatie.Domain.Benefits;

/// <summary>The facts of one month of a person's benefit, from their household, income forms, measures and consent.</summary>
public static class MonthFacts
{
    /// <summary>
    /// The household and its adults of 27+ (from the month's income form, else the household's own), earnings and
    /// hours, group support, measures, and consent to a basic benefit given on <paramref name="consentDay"/>. The
    /// statutory disregard runs six consecutive months from the first month with earnings at 27 or over.
    /// </summary>
    public static BenefitFacts Of(
        DateOnly month, HouseholdType household, DateOnly dateOfBirth, IReadOnlyCollection<IncomeForm> forms, IEnumerable<Sanction> sanctions, DateOnly? consentDay)
    {
        var form = forms.FirstOrDefault(f => f.Month == month);
        var own = household == HouseholdType.Couple ? 2 : 1;
        return new BenefitFacts(household, dateOfBirth, form is { AdultsInHome: > 0 } ? form.AdultsInHome : own, form?.NetEarningsCents ?? 0)
        {
            StatutoryDisregardStart = forms
                .Where(f => f.NetEarningsCents > 0 && f.Month <= month && Age.On(dateOfBirth, f.Month) >= BenefitCalculator.StatutoryDisregardMinimumAge)
                .Select(f => (DateOnly?)f.Month)
                .Min(),
            WorkHoursPerWeek = form?.WorkHoursPerWeek ?? 0,
            InGroupSupport = form?.GroupSupport ?? false,
            Sanctions = [.. sanctions],
            BasicBenefitConsent = consentDay,
        };
    }
}
