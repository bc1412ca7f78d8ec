using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Domain.People;
using Participatie.Domain.Reintegration;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>A reintegration model with round numbers, and builders for intakes.</summary>
public static class TestModels
{
    public static ReintegrationModel Standard() => new()
    {
        Name = "test-model",
        EffectiveFrom = new DateOnly(2020, 1, 1),
        BaseMonths = 6,
        CutMonths = 24,
        MaximumMonths = 120,
        AgeBands = [new() { From = 0, Months = 0 }, new() { From = 55, Months = 12 }],
        Education = new() { [EducationLevel.Primary] = 12, [EducationLevel.LowerSecondary] = 6, [EducationLevel.UpperSecondary] = 0, [EducationLevel.Higher] = -3 },
        WorkExperienceBands = [new() { From = 0, Months = 9 }, new() { From = 5, Months = 0 }],
        Language = new() { [LanguageProficiency.Fluent] = 0, [LanguageProficiency.Adequate] = 3, [LanguageProficiency.Limited] = 9, [LanguageProficiency.VeryLimited] = 15 },
        Health = new() { [HealthLimitation.None] = 0, [HealthLimitation.Mild] = 6, [HealthLimitation.Substantial] = 15, [HealthLimitation.Severe] = 30 },
        SocialCircumstances = new() { [SocialCircumstance.ProblematicDebts] = 6, [SocialCircumstance.UnstableHousing] = 6, [SocialCircumstance.CareDuties] = 4, [SocialCircumstance.SocialIsolation] = 4 },
        YearsOnAssistanceBands = [new() { From = 0, Months = 0 }, new() { From = 10, Months = 15 }],
    };

    /// <summary>Factors that give 6 months in the standard model (within the cut) for someone under 55.</summary>
    public static FactorsData NearWork() =>
        new(EducationLevel.UpperSecondary, 10, LanguageProficiency.Fluent, HealthLimitation.None, [], 1);

    /// <summary>Factors that give 6+12+9+15+15+6+15 = 78 months in the standard model (beyond the cut).</summary>
    public static FactorsData FarFromWork() =>
        new(EducationLevel.Primary, 0, LanguageProficiency.VeryLimited, HealthLimitation.Substantial, [SocialCircumstance.ProblematicDebts], 12);

    public static RegisterClientCommand Intake(string neighbourhoodId, int age = 40, FactorsData? factors = null, string? requestId = null) => new(
        "Fatima",
        "de Vries",
        DateOfBirth(age),
        HouseholdType.Single,
        "3072 AB",
        neighbourhoodId,
        factors ?? NearWork(),
        "intake-test",
        requestId);

    /// <summary>A date of birth that gives this age today, well away from the birthday.</summary>
    public static string DateOfBirth(int age) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-age).AddDays(-100).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> NewNeighbourhoodAsync(IGrainFactory grains)
    {
        var id = "wk-test-" + Guid.NewGuid().ToString("N")[..12];
        await grains.GetGrain<INeighbourhoodGrain>(id).CreateAsync(new CreateNeighbourhoodCommand("Testwijk", "Rotterdam"));
        return id;
    }
}
