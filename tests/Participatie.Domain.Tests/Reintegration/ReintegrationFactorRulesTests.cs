using Participatie.Domain.People;
using Participatie.Domain.Reintegration;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Reintegration;

public sealed class ReintegrationFactorRulesTests
{
    private static readonly ReintegrationFactors Factors = new(
        EducationLevel.LowerSecondary,
        WorkExperienceYears: 0,
        LanguageProficiency.Limited,
        HealthLimitation.None,
        [SocialCircumstance.SocialIsolation, SocialCircumstance.ProblematicDebts, SocialCircumstance.SocialIsolation],
        YearsOnAssistance: 60);

    [Fact]
    public void ValidFactorsComeBackWithSocialCircumstancesDeduplicatedAndSorted()
    {
        var violations = new Violations();

        var result = ReintegrationFactorRules.Validate(violations, Factors, "factors");

        Assert.Empty(violations.Items);
        Assert.NotNull(result);
        Assert.Equal([SocialCircumstance.ProblematicDebts, SocialCircumstance.SocialIsolation], result.SocialCircumstances);
        Assert.Equal(Factors with { SocialCircumstances = [SocialCircumstance.ProblematicDebts, SocialCircumstance.SocialIsolation] }, result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public void YearsAtTheEdgesOfTheRangeAreAccepted(int years)
    {
        var violations = new Violations();

        var result = ReintegrationFactorRules.Validate(violations, Factors with { WorkExperienceYears = years, YearsOnAssistance = years }, "factors");

        Assert.Empty(violations.Items);
        Assert.NotNull(result);
    }

    [Fact]
    public void TheFieldPathsStartWithTheGivenPrefix()
    {
        var violations = new Violations();
        var wrong = new ReintegrationFactors(EducationLevel.Unspecified, 61, LanguageProficiency.Unspecified, HealthLimitation.Unspecified, [SocialCircumstance.CareDuties, SocialCircumstance.Unspecified], -1);

        var result = ReintegrationFactorRules.Validate(violations, wrong, "estimate.factors");

        Assert.Null(result);
        Assert.Equal(
            [
                "estimate.factors.Education",
                "estimate.factors.WorkExperienceYears",
                "estimate.factors.Language",
                "estimate.factors.Health",
                "estimate.factors.YearsOnAssistance",
                "estimate.factors.SocialCircumstances[1]",
            ],
            violations.Items.Select(v => v.Field));
    }

    [Fact]
    public void AnEarlierViolationOfAnotherFieldDoesNotFailValidFactors()
    {
        var violations = new Violations();
        violations.Add("given_name", "is required");

        var result = ReintegrationFactorRules.Validate(violations, Factors, "factors");

        Assert.NotNull(result);
        Assert.Single(violations.Items);
    }
}
