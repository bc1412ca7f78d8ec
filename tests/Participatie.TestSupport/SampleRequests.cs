using System.Globalization;
using Participatie.Contracts.V1;

namespace Participatie.TestSupport;

/// <summary>Well-formed requests that tests change one field at a time.</summary>
public static class SampleRequests
{
    /// <summary>An intake of someone of the given age (well away from their birthday) in a neighbourhood.</summary>
    public static RegisterClientRequest Intake(string neighbourhoodId, int age = 45) => new()
    {
        GivenName = "Mohamed",
        FamilyName = "El Amrani",
        DateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-age).AddDays(-100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        HouseholdType = HouseholdType.Single,
        Postcode = "3072AB",
        NeighbourhoodId = neighbourhoodId,
        RegisteredBy = "co-intake",
        Factors = new ReintegrationFactors
        {
            Education = EducationLevel.LowerSecondary,
            WorkExperienceYears = 3,
            Language = LanguageProficiency.Adequate,
            Health = HealthLimitation.Mild,
            SocialCircumstances = { SocialCircumstance.ProblematicDebts },
            YearsOnAssistance = 6,
        },
    };
}
