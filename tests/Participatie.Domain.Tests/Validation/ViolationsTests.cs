using Participatie.Domain.People;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Validation;

public sealed class ViolationsTests
{
    [Fact]
    public void ANewCollectorHoldsNothing()
    {
        var violations = new Violations();

        Assert.False(violations.Any);
        Assert.Empty(violations.Items);
    }

    [Fact]
    public void AddedViolationsAreKeptInOrder()
    {
        var violations = new Violations();

        violations.Add("b", "second field");
        violations.Add("a", "first field");
        violations.Add("b", "again");

        Assert.True(violations.Any);
        Assert.Equal(
            [new FieldViolation("b", "second field"), new FieldViolation("a", "first field"), new FieldViolation("b", "again")],
            violations.Items);
    }

    [Fact]
    public void TextReturnsTheTrimmedValue()
    {
        var violations = new Violations();

        Assert.Equal("Fatima", violations.Text("name", "  Fatima\t\n", 10));
        Assert.Empty(violations.Items);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\r\n ")]
    public void ARequiredTextThatIsAbsentIsReportedAsRequired(string? value)
    {
        var violations = new Violations();

        Assert.Null(violations.Text("name", value, 10));
        Assert.Equal(new FieldViolation("name", "is required"), Assert.Single(violations.Items));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AnOptionalTextThatIsAbsentIsNullWithoutAViolation(string? value)
    {
        var violations = new Violations();

        Assert.Null(violations.Text("note", value, 10, required: false));
        Assert.Empty(violations.Items);
    }

    [Fact]
    public void TextLongerThanTheMaximumAfterTrimmingIsRejected()
    {
        var violations = new Violations();

        Assert.Equal("1234567890", violations.Text("name", "  1234567890  ", 10));
        Assert.Null(violations.Text("name", "12345678901", 10));
        Assert.Equal(new FieldViolation("name", "must be at most 10 characters"), Assert.Single(violations.Items));
    }

    [Fact]
    public void TextShorterThanTheMinimumAfterTrimmingIsRejected()
    {
        var violations = new Violations();

        Assert.Equal("abc", violations.Text("code", "abc", 10, minLength: 3));
        Assert.Null(violations.Text("code", "  ab  ", 10, minLength: 3));
        Assert.Equal(new FieldViolation("code", "must be at least 3 characters"), Assert.Single(violations.Items));
    }

    [Fact]
    public void AnOptionalTextThatIsPresentIsStillChecked()
    {
        var violations = new Violations();

        Assert.Null(violations.Text("note", "x\u0000y", 10, required: false));
        Assert.Equal(new FieldViolation("note", "must not contain control characters or invalid Unicode"), Assert.Single(violations.Items));
    }

    [Fact]
    public void TextWithAControlCharacterOrLoneSurrogateIsRejected()
    {
        var violations = new Violations();

        Assert.Null(violations.Text("a", "x\u0007y", 10));
        Assert.Null(violations.Text("b", "x\ud800y", 10));
        Assert.Null(violations.Text("c", "x\udc00", 10));

        Assert.Equal(["a", "b", "c"], violations.Items.Select(v => v.Field));
        Assert.All(violations.Items, v => Assert.Equal("must not contain control characters or invalid Unicode", v.Description));
    }

    [Fact]
    public void TextMayHoldNewlinesAndTabs()
    {
        var violations = new Violations();

        Assert.Equal("a\nb\tc", violations.Text("note", "a\nb\tc", 10));
        Assert.Empty(violations.Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(10)]
    public void ANumberInsideTheInclusiveRangeIsAccepted(int value)
    {
        var violations = new Violations();

        Assert.Equal(value, violations.Range("n", value, 0, 10));
        Assert.Empty(violations.Items);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void ANumberOutsideTheRangeIsReportedWithTheBounds(int value)
    {
        var violations = new Violations();

        Assert.Equal(value, violations.Range("n", value, 0, 10));
        Assert.Equal(new FieldViolation("n", "must be between 0 and 10"), Assert.Single(violations.Items));
    }

    [Theory]
    [InlineData(HouseholdType.Single)]
    [InlineData(HouseholdType.SingleParent)]
    [InlineData(HouseholdType.Couple)]
    public void ADefinedNonDefaultEnumValueIsAccepted(HouseholdType value)
    {
        var violations = new Violations();

        Assert.Equal(value, violations.Defined("household_type", value));
        Assert.Empty(violations.Items);
    }

    [Theory]
    [InlineData(HouseholdType.Unspecified)]
    [InlineData((HouseholdType)4)]
    [InlineData((HouseholdType)(-3))]
    public void TheDefaultOrAnUndefinedEnumValueIsReportedWithTheAllowedNames(HouseholdType value)
    {
        var violations = new Violations();

        violations.Defined("household_type", value);

        Assert.Equal(new FieldViolation("household_type", "must be one of Single, SingleParent, Couple"), Assert.Single(violations.Items));
    }

    [Fact]
    public void AValidIdIsReturnedAsIs()
    {
        var violations = new Violations();
        var id = Ids.NewClientId();

        Assert.Equal(id, violations.Id("client_id", id, IdKind.Client));
        Assert.Empty(violations.Items);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ARequiredIdThatIsAbsentIsReportedAsRequired(string? value)
    {
        var violations = new Violations();

        Assert.Null(violations.Id("client_id", value, IdKind.Client));
        Assert.Equal(new FieldViolation("client_id", "is required"), Assert.Single(violations.Items));
    }

    [Fact]
    public void AnOptionalIdThatIsAbsentIsNullWithoutAViolation()
    {
        var violations = new Violations();

        Assert.Null(violations.Id("coach_id", null, IdKind.Coach, required: false));
        Assert.Empty(violations.Items);
    }

    [Theory]
    [InlineData(IdKind.Client, "co-0123456789abcdef")]
    [InlineData(IdKind.Coach, "cl-0123456789abcdef")]
    [InlineData(IdKind.Neighbourhood, "Centrum")]
    [InlineData(IdKind.Client, " ")]
    public void AMalformedIdIsReportedWithTheFormatOfItsKind(IdKind kind, string value)
    {
        var violations = new Violations();

        Assert.Null(violations.Id("some_id", value, kind));
        Assert.Equal(new FieldViolation("some_id", Ids.Describe(kind)), Assert.Single(violations.Items));
    }

    [Fact]
    public void AMalformedOptionalIdIsStillReported()
    {
        var violations = new Violations();

        Assert.Null(violations.Id("coach_id", "coach-1", IdKind.Coach, required: false));
        Assert.Equal("coach_id", Assert.Single(violations.Items).Field);
    }

    [Fact]
    public void DescribePutsEveryViolationOnOneLine()
    {
        var violations = new Violations();
        violations.Add("name", "is required");
        violations.Add("arms[0].capacity", "must be between 1 and 100000");

        Assert.Equal("name is required; arms[0].capacity must be between 1 and 100000", violations.Describe());
        Assert.Equal(string.Empty, new Violations().Describe());
    }
}
