using Participatie.Domain.People;
using Participatie.Domain.Reintegration;

namespace Participatie.Domain.Tests.Reintegration;

/// <summary>Models built in code with round, known weights, so the tests do not depend on any configuration file.</summary>
internal static class TestModels
{
    public static ReintegrationModel Complete(string name = "test-2026", int year = 2026) => new()
    {
        Name = name,
        EffectiveFrom = new DateOnly(year, 1, 1),
        BaseMonths = 6,
        CutMonths = 24,
        MaximumMonths = 60,

        // Deliberately not in order of From: the band is chosen by From, not by position.
        AgeBands = [Band(55, 6), Band(0, 0), Band(45, 3)],
        Education = new()
        {
            [EducationLevel.Primary] = 6,
            [EducationLevel.LowerSecondary] = 4,
            [EducationLevel.UpperSecondary] = 2,
            [EducationLevel.Higher] = 0,
        },
        WorkExperienceBands = [Band(5, 0), Band(0, 4), Band(2, 2)],
        Language = new()
        {
            [LanguageProficiency.Fluent] = 0,
            [LanguageProficiency.Adequate] = 1,
            [LanguageProficiency.Limited] = 4,
            [LanguageProficiency.VeryLimited] = 8,
        },
        Health = new()
        {
            [HealthLimitation.None] = 0,
            [HealthLimitation.Mild] = 2,
            [HealthLimitation.Substantial] = 6,
            [HealthLimitation.Severe] = 12,
        },
        SocialCircumstances = new()
        {
            [SocialCircumstance.ProblematicDebts] = 4,
            [SocialCircumstance.UnstableHousing] = 5,
            [SocialCircumstance.CareDuties] = 2,
            [SocialCircumstance.SocialIsolation] = 3,
        },
        YearsOnAssistanceBands = [Band(0, 0), Band(2, 3), Band(5, 6)],
    };

    public static Band Band(int from, int months) => new() { From = from, Months = months };
}
