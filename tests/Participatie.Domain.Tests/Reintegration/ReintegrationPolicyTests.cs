using Participatie.Domain.People;
using Participatie.Domain.Reintegration;

namespace Participatie.Domain.Tests.Reintegration;

public sealed class ReintegrationPolicyTests
{
    private static ReintegrationPolicy ThreeYears() => new()
    {
        // Not in date order: the choice is by EffectiveFrom, not by position.
        Models = [TestModels.Complete("m-2026", 2026), TestModels.Complete("m-2025", 2025), TestModels.Complete("m-2027", 2027)],
    };

    [Theory]
    [InlineData("2025-01-01", "m-2025")]
    [InlineData("2025-12-31", "m-2025")]
    [InlineData("2026-01-01", "m-2026")]
    [InlineData("2026-06-30", "m-2026")]
    [InlineData("2027-01-01", "m-2027")]
    [InlineData("2040-01-01", "m-2027")]
    public void ModelOnPicksTheLatestModelNotAfterTheDay(string day, string expected)
    {
        Assert.Equal(expected, ThreeYears().ModelOn(DateOnly.Parse(day)).Name);
    }

    [Fact]
    public void ModelOnThrowsBeforeTheFirstModelIsInForce()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ThreeYears().ModelOn(new DateOnly(2024, 12, 31)));

        Assert.Contains("2024-12-31", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Reintegration:Models", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelOnThrowsWhenThereAreNoModels()
    {
        Assert.Throws<InvalidOperationException>(() => new ReintegrationPolicy().ModelOn(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void ACompletePolicyHasNoProblems()
    {
        Assert.Empty(ThreeYears().Problems());
    }

    [Fact]
    public void APolicyWithoutModelsIsAProblem()
    {
        Assert.Equal(["Reintegration:Models must hold at least one model"], new ReintegrationPolicy().Problems());
    }

    [Fact]
    public void AMissingEducationWeightIsReportedWithItsConfigurationKey()
    {
        var policy = ThreeYears();
        policy.Models[1].Education.Remove(EducationLevel.Higher);

        Assert.Equal(["Reintegration:Models:1:Education:Higher is missing"], policy.Problems());
    }

    [Fact]
    public void AMissingLanguageWeightIsReportedWithItsConfigurationKey()
    {
        var policy = ThreeYears();
        policy.Models[0].Language.Remove(LanguageProficiency.VeryLimited);
        policy.Models[0].Language.Remove(LanguageProficiency.Fluent);

        Assert.Equal(
            ["Reintegration:Models:0:Language:Fluent is missing", "Reintegration:Models:0:Language:VeryLimited is missing"],
            policy.Problems());
    }

    [Fact]
    public void AMissingHealthWeightIsReportedWithItsConfigurationKey()
    {
        var policy = ThreeYears();
        policy.Models[2].Health.Clear();

        Assert.Equal(
            [
                "Reintegration:Models:2:Health:None is missing",
                "Reintegration:Models:2:Health:Mild is missing",
                "Reintegration:Models:2:Health:Substantial is missing",
                "Reintegration:Models:2:Health:Severe is missing",
            ],
            policy.Problems());
    }

    [Fact]
    public void AMissingSocialCircumstanceWeightIsReportedWithItsConfigurationKey()
    {
        // Like the other weights: without it the estimator silently adds 0 months for the circumstance.
        var policy = ThreeYears();
        policy.Models[0].SocialCircumstances.Remove(SocialCircumstance.ProblematicDebts);

        Assert.Equal(["Reintegration:Models:0:SocialCircumstances:ProblematicDebts is missing"], policy.Problems());
    }

    [Fact]
    public void AnUnspecifiedWeightIsNotRequired()
    {
        var policy = ThreeYears();

        Assert.DoesNotContain(policy.Models[0].Education.Keys, k => k == EducationLevel.Unspecified);
        Assert.Empty(policy.Problems());
    }

    [Fact]
    public void TwoModelsFromTheSameDayAreAProblem()
    {
        var policy = ThreeYears();
        policy.Models.Add(TestModels.Complete("m-2026-bis", 2026));

        Assert.Equal(["Reintegration:Models has two models in force from 2026-01-01"], policy.Problems());
    }

    [Theory]
    [InlineData("AgeBands")]
    [InlineData("WorkExperienceBands")]
    [InlineData("YearsOnAssistanceBands")]
    public void BandsThatDoNotStartAtZeroAreAProblem(string bands)
    {
        var empty = ThreeYears();
        var notFromZero = ThreeYears();
        SetBands(empty.Models[0], bands, []);
        SetBands(notFromZero.Models[0], bands, [TestModels.Band(1, 3), TestModels.Band(5, 6)]);

        Assert.Equal([$"Reintegration:Models:0:{bands} must have a band starting at 0"], empty.Problems());
        Assert.Equal([$"Reintegration:Models:0:{bands} must have a band starting at 0"], notFromZero.Problems());
    }

    [Fact]
    public void AModelWithoutNameOrEffectiveDateIsAProblem()
    {
        var policy = ThreeYears();
        policy.Models[1].Name = " ";
        policy.Models[2].EffectiveFrom = default;

        Assert.Equal(
            ["Reintegration:Models:1:Name is required", "Reintegration:Models:2:EffectiveFrom is required (yyyy-MM-dd)"],
            policy.Problems());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(241)]
    public void ACutOutsideOneTo240MonthsIsAProblem(int cutMonths)
    {
        var policy = ThreeYears();
        policy.Models[0].CutMonths = cutMonths;
        policy.Models[0].MaximumMonths = 300;

        Assert.Equal(["Reintegration:Models:0:CutMonths must be between 1 and 240"], policy.Problems());
    }

    [Fact]
    public void AMaximumBelowTheCutIsAProblem()
    {
        var policy = ThreeYears();
        policy.Models[0].CutMonths = 24;
        policy.Models[0].MaximumMonths = 23;

        Assert.Equal(["Reintegration:Models:0:MaximumMonths must not be below CutMonths"], policy.Problems());
    }

    [Fact]
    public void AMaximumEqualToTheCutIsFine()
    {
        var policy = ThreeYears();
        policy.Models[0].CutMonths = 24;
        policy.Models[0].MaximumMonths = 24;

        Assert.Empty(policy.Problems());
    }

    [Fact]
    public void EveryProblemOfEveryModelIsReported()
    {
        var policy = new ReintegrationPolicy { Models = [new ReintegrationModel(), new ReintegrationModel()] };

        var problems = policy.Problems().ToList();

        Assert.Contains("Reintegration:Models:0:Name is required", problems);
        Assert.Contains("Reintegration:Models:1:Name is required", problems);
        Assert.Contains("Reintegration:Models:1:Education:Primary is missing", problems);
        Assert.Contains("Reintegration:Models:0:YearsOnAssistanceBands must have a band starting at 0", problems);
        Assert.Contains("Reintegration:Models has two models in force from 0001-01-01", problems);
    }

    private static void SetBands(ReintegrationModel model, string name, List<Band> bands)
    {
        switch (name)
        {
            case "AgeBands":
                model.AgeBands = bands;
                break;
            case "WorkExperienceBands":
                model.WorkExperienceBands = bands;
                break;
            case "YearsOnAssistanceBands":
                model.YearsOnAssistanceBands = bands;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "unknown band list");
        }
    }
}
