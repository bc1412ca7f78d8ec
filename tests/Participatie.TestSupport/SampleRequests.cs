using System.Globalization;
using Participatie.Contracts.V1;
using Participatie.Grains.Infrastructure;

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

    /// <summary>Consent given five minutes ago.</summary>
    public static Consent Consent(string version = "test-1") => new()
    {
        Text = "Ik doe vrijwillig mee aan het experiment en mag altijd stoppen; mijn gegevens worden gepseudonimiseerd onderzocht.",
        Version = version,
        GivenAt = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    /// <summary>An ISO date <paramref name="days"/> from today in the Netherlands, the calendar the platform's rules use.</summary>
    public static string Day(int days = 0) => Today.In(TimeProvider.System).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The month <paramref name="months"/> from this one in the Netherlands, as yyyy-MM.</summary>
    public static string Month(int months = 0) => Today.In(TimeProvider.System).AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A goal of the social contract, reviewed in a month.</summary>
    public static ProposeGoalRequest Goal(string clientId, string description = "Twee ochtenden per week vrijwilligerswerk bij de kinderboerderij") => new()
    {
        ClientId = clientId,
        Domain = GoalDomain.Volunteering,
        Description = description,
        ReviewOn = Day(30),
    };

    /// <summary>A coach's suggestion.</summary>
    public static MakeSuggestionRequest Suggestion(string clientId, string text = "Meedoen met de computercursus in het buurthuis") => new()
    {
        ClientId = clientId,
        Domain = GoalDomain.Education,
        Text = text,
    };

    /// <summary>A phone call with the person today.</summary>
    public static AddJournalEntryRequest JournalEntry(string clientId, ContactType type = ContactType.Phone, int days = 0) => new()
    {
        ClientId = clientId,
        Type = type,
        ContactedOn = Day(days),
        Note = "Gebeld over de cursus; ze denkt erover na.",
    };
}
