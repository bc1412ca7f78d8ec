using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Regimes;

public sealed class ConsentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static Consent? Check(Violations violations, (string?, string?, string?)? given) =>
        Consent.Check(violations, "Consent", given, Now, DateOnly.FromDateTime(Now.UtcDateTime), new DateBounds(), m => DateOnly.FromDateTime(m.UtcDateTime));

    [Fact]
    public void ConsentIsRecordedWithTheTextItsVersionAndWhenItWasGiven()
    {
        var violations = new Violations();

        var consent = Check(violations, (" Ik kies dit. ", "vw-1", "2026-03-10T08:00:00Z"));

        Assert.Equal(new Consent("Ik kies dit.", "vw-1", new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero)), consent);
    }

    [Fact]
    public void AbsentConsentIsNamedAsAWhole()
    {
        var violations = new Violations();

        Assert.Null(Check(violations, null));
        Assert.Equal("Consent", Assert.Single(violations.Items).Field);
    }

    [Theory]
    [InlineData("", "vw-1", "2026-03-10T08:00:00Z", "Consent.Text")]
    [InlineData("tekst", "vw\n1", "2026-03-10T08:00:00Z", "Consent.Version")]
    [InlineData("tekst", "vw-1", "2026-03-10T10:00:00Z", "Consent.GivenAt")]
    [InlineData("tekst", "vw-1", "2023-12-31T10:00:00Z", "Consent.GivenAt")]
    public void EachPartIsNamedUnderTheFieldItWasGivenAs(string text, string version, string givenAt, string field)
    {
        var violations = new Violations();

        Assert.Null(Check(violations, (text, version, givenAt)));
        Assert.Equal(field, Assert.Single(violations.Items).Field);
    }
}
