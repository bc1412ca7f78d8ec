using Participatie.Domain.People;
using Participatie.Domain.Reintegration;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Reintegration;

public sealed class ReintegrationEstimatorTests
{
    private static readonly DateOnly Day = new(2026, 3, 15);

    // 45 on Day.
    private static readonly DateOnly BornIn1980 = new(1980, 6, 15);

    private static readonly ReintegrationFactors Factors = new(
        EducationLevel.UpperSecondary,
        WorkExperienceYears: 3,
        LanguageProficiency.Adequate,
        HealthLimitation.Mild,
        [SocialCircumstance.ProblematicDebts, SocialCircumstance.CareDuties],
        YearsOnAssistance: 4);

    [Fact]
    public void EstimateAddsEachFactorsContributionToTheBase()
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, Factors, Day);

        // 6 base + 3 age + 2 education + 2 work experience + 1 language + 2 health + 4 debts + 2 care + 3 years on assistance.
        Assert.Equal(25, estimate.Months);
        Assert.Equal(estimate.Contributions.Sum(c => c.Months), estimate.Months);
    }

    [Fact]
    public void EstimateReportsEachFactorWithItsNameValueAndMonths()
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, Factors, Day);

        Assert.Equal(
            [
                new Contribution("base", "starting point", 6),
                new Contribution("age", "45 years", 3),
                new Contribution("education", "upper_secondary", 2),
                new Contribution("work_experience", "3 years", 2),
                new Contribution("language", "adequate", 1),
                new Contribution("health", "mild", 2),
                new Contribution("social_circumstances", "problematic_debts", 4),
                new Contribution("social_circumstances", "care_duties", 2),
                new Contribution("years_on_assistance", "4 years", 3),
            ],
            estimate.Contributions);
    }

    [Fact]
    public void EstimateReportsAFactorThatAddsNothingToo()
    {
        var factors = Factors with { Education = EducationLevel.Higher, Language = LanguageProficiency.Fluent, Health = HealthLimitation.None, SocialCircumstances = [] };

        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, factors, Day);

        Assert.Contains(new Contribution("education", "higher", 0), estimate.Contributions);
        Assert.Contains(new Contribution("language", "fluent", 0), estimate.Contributions);
        Assert.Contains(new Contribution("health", "none", 0), estimate.Contributions);
        Assert.DoesNotContain(estimate.Contributions, c => c.Factor == "social_circumstances");
        Assert.Equal(6 + 3 + 0 + 2 + 0 + 0 + 3, estimate.Months);
    }

    [Theory]
    [InlineData(EducationLevel.Primary, "primary", 6)]
    [InlineData(EducationLevel.LowerSecondary, "lower_secondary", 4)]
    [InlineData(EducationLevel.UpperSecondary, "upper_secondary", 2)]
    [InlineData(EducationLevel.Higher, "higher", 0)]
    public void EducationIsLabelledInSnakeCaseAndWeighedByTheModel(EducationLevel education, string label, int months)
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, Factors with { Education = education }, Day);

        Assert.Equal(new Contribution("education", label, months), Assert.Single(estimate.Contributions, c => c.Factor == "education"));
    }

    [Theory]
    [InlineData(LanguageProficiency.Fluent, "fluent", 0)]
    [InlineData(LanguageProficiency.Adequate, "adequate", 1)]
    [InlineData(LanguageProficiency.Limited, "limited", 4)]
    [InlineData(LanguageProficiency.VeryLimited, "very_limited", 8)]
    public void LanguageIsLabelledInSnakeCaseAndWeighedByTheModel(LanguageProficiency language, string label, int months)
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, Factors with { Language = language }, Day);

        Assert.Equal(new Contribution("language", label, months), Assert.Single(estimate.Contributions, c => c.Factor == "language"));
    }

    [Theory]
    [InlineData(HealthLimitation.None, "none", 0)]
    [InlineData(HealthLimitation.Mild, "mild", 2)]
    [InlineData(HealthLimitation.Substantial, "substantial", 6)]
    [InlineData(HealthLimitation.Severe, "severe", 12)]
    public void HealthIsLabelledInSnakeCaseAndWeighedByTheModel(HealthLimitation health, string label, int months)
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, Factors with { Health = health }, Day);

        Assert.Equal(new Contribution("health", label, months), Assert.Single(estimate.Contributions, c => c.Factor == "health"));
    }

    [Theory]
    [InlineData(SocialCircumstance.ProblematicDebts, "problematic_debts", 4)]
    [InlineData(SocialCircumstance.UnstableHousing, "unstable_housing", 5)]
    [InlineData(SocialCircumstance.CareDuties, "care_duties", 2)]
    [InlineData(SocialCircumstance.SocialIsolation, "social_isolation", 3)]
    public void EachSocialCircumstanceIsLabelledInSnakeCaseAndWeighedByTheModel(SocialCircumstance circumstance, string label, int months)
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, Factors with { SocialCircumstances = [circumstance] }, Day);

        Assert.Equal(new Contribution("social_circumstances", label, months), Assert.Single(estimate.Contributions, c => c.Factor == "social_circumstances"));
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 4)]
    [InlineData(2, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 0)]
    [InlineData(60, 0)]
    public void TheWorkExperienceBandWithTheHighestFromNotAboveTheYearsApplies(int years, int months)
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, Factors with { WorkExperienceYears = years }, Day);

        Assert.Equal(months, Assert.Single(estimate.Contributions, c => c.Factor == "work_experience").Months);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 3)]
    [InlineData(4, 3)]
    [InlineData(5, 6)]
    [InlineData(40, 6)]
    public void TheYearsOnAssistanceBandWithTheHighestFromNotAboveTheYearsApplies(int years, int months)
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, Factors with { YearsOnAssistance = years }, Day);

        Assert.Equal(months, Assert.Single(estimate.Contributions, c => c.Factor == "years_on_assistance").Months);
    }

    [Theory]
    [InlineData("1981-03-16", "44 years", 0)]
    [InlineData("1981-03-15", "45 years", 3)]
    [InlineData("1971-03-16", "54 years", 3)]
    [InlineData("1971-03-15", "55 years", 6)]
    [InlineData("1960-01-01", "66 years", 6)]
    public void TheAgeBandFollowsTheAgeOnTheDayOfTheEstimate(string dateOfBirth, string label, int months)
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), DateOnly.Parse(dateOfBirth), Factors, Day);

        Assert.Equal(new Contribution("age", label, months), Assert.Single(estimate.Contributions, c => c.Factor == "age"));
    }

    [Fact]
    public void OneYearIsLabelledInTheSingular()
    {
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, Factors with { WorkExperienceYears = 1, YearsOnAssistance = 0 }, Day);

        Assert.Equal("1 year", Assert.Single(estimate.Contributions, c => c.Factor == "work_experience").Value);
        Assert.Equal("0 years", Assert.Single(estimate.Contributions, c => c.Factor == "years_on_assistance").Value);
    }

    [Fact]
    public void AValueBelowEveryBandAddsNothing()
    {
        var model = TestModels.Complete();
        model.WorkExperienceBands = [TestModels.Band(10, 5), TestModels.Band(20, 1)];

        var estimate = ReintegrationEstimator.Estimate(model, BornIn1980, Factors with { WorkExperienceYears = 3 }, Day);

        Assert.Equal(new Contribution("work_experience", "3 years", 0), Assert.Single(estimate.Contributions, c => c.Factor == "work_experience"));
    }

    [Fact]
    public void AnEstimateAboveTheMaximumIsClampedToTheMaximum()
    {
        var factors = new ReintegrationFactors(
            EducationLevel.Primary,
            WorkExperienceYears: 0,
            LanguageProficiency.VeryLimited,
            HealthLimitation.Severe,
            [SocialCircumstance.ProblematicDebts, SocialCircumstance.UnstableHousing, SocialCircumstance.CareDuties, SocialCircumstance.SocialIsolation],
            YearsOnAssistance: 10);

        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), new DateOnly(1965, 1, 1), factors, Day);

        // 6 + 6 + 6 + 4 + 8 + 12 + 14 + 6 = 62 months of contributions, reported as they are.
        Assert.Equal(62, estimate.Contributions.Sum(c => c.Months));
        Assert.Equal(60, estimate.Months);
        Assert.Equal(Segment.BeyondCut, estimate.Segment);
    }

    [Fact]
    public void AnEstimateBelowZeroIsClampedToZero()
    {
        var model = TestModels.Complete();
        model.Education[EducationLevel.Higher] = -20;
        var factors = new ReintegrationFactors(EducationLevel.Higher, 10, LanguageProficiency.Fluent, HealthLimitation.None, [], 0);

        var estimate = ReintegrationEstimator.Estimate(model, new DateOnly(1996, 1, 1), factors, Day);

        Assert.Equal(-14, estimate.Contributions.Sum(c => c.Months));
        Assert.Equal(0, estimate.Months);
        Assert.Equal(Segment.WithinCut, estimate.Segment);
    }

    [Fact]
    public void AnEstimateOfExactlyTheMaximumIsNotClamped()
    {
        var model = TestModels.Complete();
        model.MaximumMonths = 25;

        var estimate = ReintegrationEstimator.Estimate(model, BornIn1980, Factors, Day);

        Assert.Equal(25, estimate.Months);
    }

    [Fact]
    public void AnEstimateOfExactlyTheCutIsWithinTheCut()
    {
        var model = TestModels.Complete();
        model.CutMonths = 25;

        var estimate = ReintegrationEstimator.Estimate(model, BornIn1980, Factors, Day);

        Assert.Equal(25, estimate.Months);
        Assert.Equal(25, estimate.CutMonths);
        Assert.Equal(Segment.WithinCut, estimate.Segment);
    }

    [Fact]
    public void AnEstimateOfOneMonthAboveTheCutIsBeyondTheCut()
    {
        var model = TestModels.Complete();
        model.CutMonths = 24;

        var estimate = ReintegrationEstimator.Estimate(model, BornIn1980, Factors, Day);

        Assert.Equal(25, estimate.Months);
        Assert.Equal(24, estimate.CutMonths);
        Assert.Equal(Segment.BeyondCut, estimate.Segment);
    }

    [Theory]
    [InlineData(0, 24, Segment.WithinCut)]
    [InlineData(23, 24, Segment.WithinCut)]
    [InlineData(24, 24, Segment.WithinCut)]
    [InlineData(25, 24, Segment.BeyondCut)]
    [InlineData(120, 24, Segment.BeyondCut)]
    [InlineData(12, 12, Segment.WithinCut)]
    [InlineData(13, 12, Segment.BeyondCut)]
    public void PlaceCountsTheCutItselfAsWithin(int months, int cutMonths, Segment expected)
    {
        Assert.Equal(expected, ReintegrationEstimator.Place(months, cutMonths));
    }

    [Fact]
    public void TheModelsNameAndEffectiveDateAreCarriedIntoTheEstimate()
    {
        var model = TestModels.Complete(name: "rotterdam-2027", year: 2027);

        var estimate = ReintegrationEstimator.Estimate(model, BornIn1980, Factors, Day);

        Assert.Equal("rotterdam-2027", estimate.Model);
        Assert.Equal(new DateOnly(2027, 1, 1), estimate.ModelEffectiveFrom);
        Assert.Equal(model.CutMonths, estimate.CutMonths);
    }

    [Fact]
    public void ADuplicatedSocialCircumstanceCountsOnceAfterValidation()
    {
        var withDuplicates = Factors with
        {
            SocialCircumstances = [SocialCircumstance.CareDuties, SocialCircumstance.ProblematicDebts, SocialCircumstance.CareDuties, SocialCircumstance.CareDuties],
        };
        var violations = new Violations();

        var validated = ReintegrationFactorRules.Validate(violations, withDuplicates, "factors");

        Assert.Empty(violations.Items);
        Assert.NotNull(validated);
        var estimate = ReintegrationEstimator.Estimate(TestModels.Complete(), BornIn1980, validated, Day);
        Assert.Equal(
            [new Contribution("social_circumstances", "problematic_debts", 4), new Contribution("social_circumstances", "care_duties", 2)],
            estimate.Contributions.Where(c => c.Factor == "social_circumstances"));
        Assert.Equal(25, estimate.Months);
    }

    [Fact]
    public void AWeightMissingFromTheModelAddsNothing()
    {
        var model = TestModels.Complete();
        model.SocialCircumstances.Remove(SocialCircumstance.CareDuties);

        var estimate = ReintegrationEstimator.Estimate(model, BornIn1980, Factors, Day);

        Assert.Contains(new Contribution("social_circumstances", "care_duties", 0), estimate.Contributions);
        Assert.Equal(23, estimate.Months);
    }
}
