using Participatie.Domain.People;
using Participatie.Domain.Reintegration;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.People;

public sealed class IntakeRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private static readonly ReintegrationFactors ValidFactors = new(
        EducationLevel.UpperSecondary,
        WorkExperienceYears: 12,
        LanguageProficiency.Adequate,
        HealthLimitation.Mild,
        [SocialCircumstance.CareDuties, SocialCircumstance.ProblematicDebts, SocialCircumstance.CareDuties],
        YearsOnAssistance: 3);

    private static readonly Input Valid = new(
        GivenName: "  Fatima ",
        FamilyName: "el Amrani",
        DateOfBirth: "1980-06-15",
        HouseholdType: HouseholdType.SingleParent,
        Postcode: "3072ab",
        NeighbourhoodId: "wk-feijenoord",
        Factors: ValidFactors);

    [Fact]
    public void AValidIntakeIsReturnedNormalised()
    {
        var (intake, violations) = Validate(Valid);

        Assert.Empty(violations.Items);
        Assert.NotNull(intake);
        Assert.Equal("Fatima", intake.GivenName);
        Assert.Equal("el Amrani", intake.FamilyName);
        Assert.Equal(new DateOnly(1980, 6, 15), intake.DateOfBirth);
        Assert.Equal(HouseholdType.SingleParent, intake.HouseholdType);
        Assert.Equal("3072 AB", intake.Postcode);
        Assert.Equal("wk-feijenoord", intake.NeighbourhoodId);
        Assert.Equal(EducationLevel.UpperSecondary, intake.Factors.Education);
        Assert.Equal(12, intake.Factors.WorkExperienceYears);
        Assert.Equal(LanguageProficiency.Adequate, intake.Factors.Language);
        Assert.Equal(HealthLimitation.Mild, intake.Factors.Health);
        Assert.Equal(3, intake.Factors.YearsOnAssistance);
        Assert.Equal([SocialCircumstance.ProblematicDebts, SocialCircumstance.CareDuties], intake.Factors.SocialCircumstances);
    }

    [Fact]
    public void NamesWithAccentsAndCharactersOutsideTheBasicPlaneAreAccepted()
    {
        var (intake, violations) = Validate(Valid with { GivenName = "Zoë \U0001F600", FamilyName = "Özdemir-van 't Hof" });

        Assert.Empty(violations.Items);
        Assert.NotNull(intake);
        Assert.Equal("Zoë \U0001F600", intake.GivenName);
        Assert.Equal("Özdemir-van 't Hof", intake.FamilyName);
    }

    [Fact]
    public void ANameOfExactlyTheMaximumLengthIsAccepted()
    {
        var name = new string('a', IntakeRules.MaxNameLength);

        var (intake, violations) = Validate(Valid with { GivenName = name, FamilyName = name });

        Assert.Empty(violations.Items);
        Assert.Equal(name, intake?.GivenName);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("   ", "is required")]
    [InlineData("Fa\u0000tima", "must not contain control characters or invalid Unicode")]
    [InlineData("Fa\u0007tima", "must not contain control characters or invalid Unicode")]
    [InlineData("Fa\u001btima", "must not contain control characters or invalid Unicode")]
    [InlineData("Fa\u007ftima", "must not contain control characters or invalid Unicode")]
    [InlineData("Fa\ufffftima", "must not contain control characters or invalid Unicode")]
    [InlineData("Fatima\nel Amrani", "must be a single line")]
    [InlineData("Fatima\rel Amrani", "must be a single line")]
    [InlineData("Fatima\tel Amrani", "must be a single line")]
    public void AGivenNameProblemIsReportedOnGivenName(string? givenName, string description)
    {
        var (intake, violations) = Validate(Valid with { GivenName = givenName });

        AssertOnlyViolation(intake, violations, "givenName", description);
    }

    [Fact]
    public void ANameWithALoneSurrogateIsRejectedAsInvalidUnicode()
    {
        // Built in code: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        string[] names = ["Fa\ud800tima", "Fa\udc00tima", "Fatima\ud83d", "\ude00Fatima", "Fa\ude00\ud83dtima"];
        foreach (var name in names)
        {
            var (givenIntake, givenViolations) = Validate(Valid with { GivenName = name });
            AssertOnlyViolation(givenIntake, givenViolations, "givenName", "must not contain control characters or invalid Unicode");

            var (familyIntake, familyViolations) = Validate(Valid with { FamilyName = name });
            AssertOnlyViolation(familyIntake, familyViolations, "familyName", "must not contain control characters or invalid Unicode");
        }
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData(" ", "is required")]
    [InlineData("el\u0000Amrani", "must not contain control characters or invalid Unicode")]
    [InlineData("el\r\nAmrani", "must be a single line")]
    public void AFamilyNameProblemIsReportedOnFamilyName(string? familyName, string description)
    {
        var (intake, violations) = Validate(Valid with { FamilyName = familyName });

        AssertOnlyViolation(intake, violations, "familyName", description);
    }

    [Fact]
    public void ANameLongerThanTheMaximumIsRejected()
    {
        var (intake, violations) = Validate(Valid with { FamilyName = new string('a', IntakeRules.MaxNameLength + 1) });

        AssertOnlyViolation(intake, violations, "familyName", "must be at most 100 characters");
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData(" ", "must be an ISO date, e.g. 1971-04-30")]
    [InlineData("15-06-1980", "must be an ISO date, e.g. 1971-04-30")]
    [InlineData("1980-6-15", "must be an ISO date, e.g. 1971-04-30")]
    [InlineData("1980/06/15", "must be an ISO date, e.g. 1971-04-30")]
    [InlineData("1980-02-30", "must be an ISO date, e.g. 1971-04-30")]
    [InlineData("1981-02-29", "must be an ISO date, e.g. 1971-04-30")]
    [InlineData("1980-06-15T00:00:00", "must be an ISO date, e.g. 1971-04-30")]
    [InlineData("yesterday", "must be an ISO date, e.g. 1971-04-30")]
    [InlineData("2026-03-16", "must not be in the future")]
    [InlineData("2100-01-01", "must not be in the future")]
    public void ADateOfBirthProblemIsReportedOnDateOfBirth(string? dateOfBirth, string description)
    {
        var (intake, violations) = Validate(Valid with { DateOfBirth = dateOfBirth });

        AssertOnlyViolation(intake, violations, "dateOfBirth", description);
    }

    [Fact]
    public void ADateOfBirthOnALeapDayIsAccepted()
    {
        var (intake, violations) = Validate(Valid with { DateOfBirth = "1980-02-29" });

        Assert.Empty(violations.Items);
        Assert.Equal(new DateOnly(1980, 2, 29), intake?.DateOfBirth);
    }

    [Theory]
    [InlineData("1958-03-14")]
    [InlineData("1958-03-15")]
    [InlineData("1940-01-01")]
    public void ADateOfBirthGivingAnAgeAboveSixtySevenIsRejected(string dateOfBirth)
    {
        var (intake, violations) = Validate(Valid with { DateOfBirth = dateOfBirth });

        Assert.Null(intake);
        var violation = Assert.Single(violations.Items);
        Assert.Equal("dateOfBirth", violation.Field);
        Assert.Contains("above 67", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ADateOfBirthGivingAnAgeOfSixtySevenIsAccepted()
    {
        var (intake, violations) = Validate(Valid with { DateOfBirth = "1958-03-16" });

        Assert.Empty(violations.Items);
        Assert.Equal(new DateOnly(1958, 3, 16), intake?.DateOfBirth);
    }

    [Fact]
    public void ABirthTodayIsNotInTheFutureAndTheYouthPathwayIsASeparateRule()
    {
        var (intake, violations) = Validate(Valid with { DateOfBirth = "2026-03-15" });

        Assert.Empty(violations.Items);
        Assert.Equal(Today, intake?.DateOfBirth);
    }

    [Theory]
    [InlineData(HouseholdType.Unspecified)]
    [InlineData((HouseholdType)42)]
    [InlineData((HouseholdType)(-1))]
    public void AnUnspecifiedOrUnknownHouseholdTypeIsReportedOnHouseholdType(HouseholdType householdType)
    {
        var (intake, violations) = Validate(Valid with { HouseholdType = householdType });

        AssertOnlyViolation(intake, violations, "householdType", "must be one of Single, SingleParent, Couple");
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("0123 AB", "must be a Dutch postcode, e.g. 3072 AB")]
    [InlineData("3072 SS", "must be a Dutch postcode, e.g. 3072 AB")]
    [InlineData("3072", "must be a Dutch postcode, e.g. 3072 AB")]
    [InlineData("B-1000", "must be a Dutch postcode, e.g. 3072 AB")]
    public void APostcodeProblemIsReportedOnPostcode(string? postcode, string description)
    {
        var (intake, violations) = Validate(Valid with { Postcode = postcode });

        AssertOnlyViolation(intake, violations, "postcode", description);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("feijenoord", "must be \"wk-\" followed by 1-60 lower-case letters, digits or hyphens")]
    [InlineData("wk-Feijenoord", "must be \"wk-\" followed by 1-60 lower-case letters, digits or hyphens")]
    [InlineData("wk-feijenoord\n", "must be \"wk-\" followed by 1-60 lower-case letters, digits or hyphens")]
    [InlineData("cl-0123456789abcdef", "must be \"wk-\" followed by 1-60 lower-case letters, digits or hyphens")]
    public void ANeighbourhoodIdProblemIsReportedOnNeighbourhoodId(string? neighbourhoodId, string description)
    {
        var (intake, violations) = Validate(Valid with { NeighbourhoodId = neighbourhoodId });

        AssertOnlyViolation(intake, violations, "neighbourhoodId", description);
    }

    [Fact]
    public void MissingFactorsAreReportedOnFactors()
    {
        var (intake, violations) = Validate(Valid with { Factors = null });

        AssertOnlyViolation(intake, violations, "factors", "is required");
    }

    [Fact]
    public void AnUnspecifiedEducationIsReportedOnFactorsEducation()
    {
        var (intake, violations) = Validate(Valid with { Factors = ValidFactors with { Education = EducationLevel.Unspecified } });

        AssertOnlyViolation(intake, violations, "factors.Education", "must be one of Primary, LowerSecondary, UpperSecondary, Higher");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    [InlineData(int.MinValue)]
    public void WorkExperienceOutsideZeroToSixtyYearsIsReportedOnFactorsWorkExperienceYears(int years)
    {
        var (intake, violations) = Validate(Valid with { Factors = ValidFactors with { WorkExperienceYears = years } });

        AssertOnlyViolation(intake, violations, "factors.WorkExperienceYears", "must be between 0 and 60");
    }

    [Fact]
    public void AnUnknownLanguageProficiencyIsReportedOnFactorsLanguage()
    {
        var (intake, violations) = Validate(Valid with { Factors = ValidFactors with { Language = (LanguageProficiency)7 } });

        AssertOnlyViolation(intake, violations, "factors.Language", "must be one of Fluent, Adequate, Limited, VeryLimited");
    }

    [Fact]
    public void AnUnspecifiedHealthLimitationIsReportedOnFactorsHealth()
    {
        var (intake, violations) = Validate(Valid with { Factors = ValidFactors with { Health = HealthLimitation.Unspecified } });

        AssertOnlyViolation(intake, violations, "factors.Health", "must be one of None, Mild, Substantial, Severe");
    }

    [Fact]
    public void YearsOnAssistanceAboveSixtyIsReportedOnFactorsYearsOnAssistance()
    {
        var (intake, violations) = Validate(Valid with { Factors = ValidFactors with { YearsOnAssistance = 61 } });

        AssertOnlyViolation(intake, violations, "factors.YearsOnAssistance", "must be between 0 and 60");
    }

    [Fact]
    public void AnUnspecifiedSocialCircumstanceIsReportedWithItsIndex()
    {
        var factors = ValidFactors with { SocialCircumstances = [SocialCircumstance.Unspecified] };

        var (intake, violations) = Validate(Valid with { Factors = factors });

        AssertOnlyViolation(intake, violations, "factors.SocialCircumstances[0]", "must be one of ProblematicDebts, UnstableHousing, CareDuties, SocialIsolation");
    }

    [Fact]
    public void EveryUnknownSocialCircumstanceIsReportedAtItsOwnIndex()
    {
        var factors = ValidFactors with
        {
            SocialCircumstances = [SocialCircumstance.CareDuties, (SocialCircumstance)9, SocialCircumstance.SocialIsolation, SocialCircumstance.Unspecified],
        };

        var (intake, violations) = Validate(Valid with { Factors = factors });

        Assert.Null(intake);
        Assert.Equal(["factors.SocialCircumstances[1]", "factors.SocialCircumstances[3]"], violations.Items.Select(v => v.Field));
    }

    [Fact]
    public void NoSocialCircumstancesIsValid()
    {
        var (intake, violations) = Validate(Valid with { Factors = ValidFactors with { SocialCircumstances = [] } });

        Assert.Empty(violations.Items);
        Assert.NotNull(intake);
        Assert.Empty(intake.Factors.SocialCircumstances);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var input = new Input(
            GivenName: "",
            FamilyName: "el\u0000Amrani",
            DateOfBirth: "2030-01-01",
            HouseholdType: HouseholdType.Unspecified,
            Postcode: "0123 AB",
            NeighbourhoodId: "WK-X",
            Factors: new ReintegrationFactors(EducationLevel.Unspecified, -1, LanguageProficiency.Unspecified, HealthLimitation.Unspecified, [SocialCircumstance.Unspecified], 99));

        var (intake, violations) = Validate(input);

        Assert.Null(intake);
        Assert.Equal(
            [
                "givenName",
                "familyName",
                "dateOfBirth",
                "householdType",
                "postcode",
                "neighbourhoodId",
                "factors.Education",
                "factors.WorkExperienceYears",
                "factors.Language",
                "factors.Health",
                "factors.YearsOnAssistance",
                "factors.SocialCircumstances[0]",
            ],
            violations.Items.Select(v => v.Field));
    }

    [Fact]
    public void TwoProblemsInDifferentFieldsAreBothReported()
    {
        var (intake, violations) = Validate(Valid with { Postcode = "12345", Factors = null });

        Assert.Null(intake);
        Assert.Collection(
            violations.Items,
            v => Assert.Equal(new FieldViolation("postcode", "must be a Dutch postcode, e.g. 3072 AB"), v),
            v => Assert.Equal(new FieldViolation("factors", "is required"), v));
    }

    [Theory]
    [InlineData("2026-03-15")]
    [InlineData("2000-01-01")]
    [InlineData("1999-06-15")]
    public void ParseDateReadsAnIsoCalendarDate(string value)
    {
        var parsed = IntakeRules.ParseDate(value);

        Assert.NotNull(parsed);
        Assert.Equal(value, parsed.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-3-15")]
    [InlineData("15-03-2026")]
    [InlineData("2026-02-29")]
    [InlineData(" 2026-03-15")]
    public void ParseDateReturnsNullForAnythingElse(string? value)
    {
        Assert.Null(IntakeRules.ParseDate(value));
    }

    [Fact]
    public void OneDayBeforeTheTwentySeventhBirthdayThePersonBelongsToTheYouthPathway()
    {
        // 26 years and 364 days.
        var reason = IntakeRules.YouthPathwayReason(new DateOnly(1999, 6, 15), new DateOnly(2026, 6, 14));

        Assert.NotNull(reason);
        Assert.Contains("youth pathway", reason, StringComparison.Ordinal);
        Assert.Contains("26", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnTheTwentySeventhBirthdayThereIsNoYouthPathwayReason()
    {
        Assert.Null(IntakeRules.YouthPathwayReason(new DateOnly(1999, 6, 15), new DateOnly(2026, 6, 15)));
    }

    [Theory]
    [InlineData("2026-06-16")]
    [InlineData("2040-01-01")]
    public void AfterTheTwentySeventhBirthdayThereIsNoYouthPathwayReason(string today)
    {
        Assert.Null(IntakeRules.YouthPathwayReason(new DateOnly(1999, 6, 15), DateOnly.Parse(today)));
    }

    [Theory]
    [InlineData("2026-03-15", 0)]
    [InlineData("2026-03-14", 0)]
    [InlineData("2006-01-01", 20)]
    public void YoungerPeopleAreReferredToTheYouthPathwayWithTheirAge(string dateOfBirth, int age)
    {
        var reason = IntakeRules.YouthPathwayReason(DateOnly.Parse(dateOfBirth), Today);

        Assert.NotNull(reason);
        Assert.Contains($"is {age};", reason, StringComparison.Ordinal);
        Assert.Contains("youth pathway", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SomeoneBornOnALeapDayTurnsTwentySevenOnOneMarchInANonLeapYear()
    {
        var born = new DateOnly(2000, 2, 29);

        Assert.NotNull(IntakeRules.YouthPathwayReason(born, new DateOnly(2027, 2, 28)));
        Assert.Null(IntakeRules.YouthPathwayReason(born, new DateOnly(2027, 3, 1)));
    }

    private static (Intake? Intake, Violations Violations) Validate(Input input)
    {
        var violations = new Violations();
        var intake = IntakeRules.Validate(
            violations,
            input.GivenName,
            input.FamilyName,
            input.DateOfBirth,
            input.HouseholdType,
            input.Postcode,
            input.NeighbourhoodId,
            input.Factors,
            Today);
        return (intake, violations);
    }

    private static void AssertOnlyViolation(Intake? intake, Violations violations, string field, string description)
    {
        Assert.Null(intake);
        Assert.Equal(new FieldViolation(field, description), Assert.Single(violations.Items));
    }

    private sealed record Input(
        string? GivenName,
        string? FamilyName,
        string? DateOfBirth,
        HouseholdType HouseholdType,
        string? Postcode,
        string? NeighbourhoodId,
        ReintegrationFactors? Factors);
}
