using Participatie.Domain.Reintegration;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Reintegration;

public sealed class EstimateOverrideRulesTests
{
    private const string GoodReason = "Started a part-time job with the employer.";

    [Theory]
    [InlineData(0)]
    [InlineData(18)]
    [InlineData(EstimateOverrideRules.MaxMonths)]
    public void AnOverrideWithMonthsInRangeAndAReasonIsAccepted(int months)
    {
        var violations = new Violations();

        var reason = EstimateOverrideRules.Validate(violations, months, GoodReason);

        Assert.Empty(violations.Items);
        Assert.Equal(GoodReason, reason);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(241)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void MonthsOutOfRangeAreRejected(int months)
    {
        var violations = new Violations();

        EstimateOverrideRules.Validate(violations, months, GoodReason);

        Assert.Equal(new FieldViolation("months", "must be between 0 and 240"), Assert.Single(violations.Items));
    }

    [Theory]
    [InlineData("Too short")]
    [InlineData("a")]
    [InlineData("   123456789   ")]
    public void AReasonShorterThanTenCharactersIsRejected(string reason)
    {
        var violations = new Violations();

        var result = EstimateOverrideRules.Validate(violations, 12, reason);

        Assert.Null(result);
        Assert.Equal(new FieldViolation("reason", "must be at least 10 characters"), Assert.Single(violations.Items));
    }

    [Fact]
    public void AReasonOfExactlyTenCharactersIsAcceptedAndTrimmed()
    {
        var violations = new Violations();

        var result = EstimateOverrideRules.Validate(violations, 12, "  1234567890  ");

        Assert.Empty(violations.Items);
        Assert.Equal("1234567890", result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("          ")]
    public void AMissingReasonIsRequired(string? reason)
    {
        var violations = new Violations();

        var result = EstimateOverrideRules.Validate(violations, 12, reason);

        Assert.Null(result);
        Assert.Equal(new FieldViolation("reason", "is required"), Assert.Single(violations.Items));
    }

    [Fact]
    public void AReasonLongerThanTheMaximumIsRejected()
    {
        var violations = new Violations();

        Assert.Equal(2000, EstimateOverrideRules.Validate(violations, 12, new string('x', EstimateOverrideRules.MaxReasonLength))?.Length);
        Assert.Null(EstimateOverrideRules.Validate(violations, 12, new string('x', EstimateOverrideRules.MaxReasonLength + 1)));
        Assert.Equal(new FieldViolation("reason", "must be at most 2000 characters"), Assert.Single(violations.Items));
    }

    [Fact]
    public void AReasonMayRunOverSeveralLinesButNotHoldControlCharacters()
    {
        var violations = new Violations();

        Assert.NotNull(EstimateOverrideRules.Validate(violations, 12, "First line.\nSecond line,\tindented."));
        Assert.Empty(violations.Items);

        Assert.Null(EstimateOverrideRules.Validate(violations, 12, "Bell here \u0007 and there."));
        Assert.Equal(new FieldViolation("reason", "must not contain control characters or invalid Unicode"), Assert.Single(violations.Items));
    }

    [Fact]
    public void BadMonthsAndAShortReasonAreBothReported()
    {
        var violations = new Violations();

        EstimateOverrideRules.Validate(violations, -5, "short");

        Assert.Equal(["months", "reason"], violations.Items.Select(v => v.Field));
    }
}
