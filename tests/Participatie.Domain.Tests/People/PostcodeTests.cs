using Participatie.Domain.People;

namespace Participatie.Domain.Tests.People;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("3072 AB")]
    [InlineData("3072AB")]
    [InlineData("3072ab")]
    [InlineData("3072 ab")]
    [InlineData("3072 aB")]
    [InlineData(" 3072 AB ")]
    [InlineData(" 3072ab\t")]
    [InlineData("\n3072 AB\n")]
    public void APostcodeIsNormalisedToFourDigitsASpaceAndTwoCapitals(string value)
    {
        Assert.Equal("3072 AB", Postcode.Normalise(value));
    }

    [Fact]
    public void SeveralSpacesBetweenDigitsAndLettersAreNormalisedToOne()
    {
        // The documented example: " 1234  ab " normalises to "1234 AB".
        Assert.Equal("1234 AB", Postcode.Normalise(" 1234  ab "));
    }

    [Theory]
    [InlineData("1000 AA", "1000 AA")]
    [InlineData("9999zz", "9999 ZZ")]
    [InlineData("1011 ac", "1011 AC")]
    public void TheWholeRangeOfPostcodesIsAccepted(string value, string expected)
    {
        Assert.Equal(expected, Postcode.Normalise(value));
    }

    [Theory]
    [InlineData("1234 SA")]
    [InlineData("1234 SD")]
    [InlineData("1234 SS")]
    [InlineData("1234sa")]
    [InlineData("1234 sd")]
    [InlineData("1234 sS")]
    public void TheLettersSaSdAndSsAreNotIssuedAndAreRejected(string value)
    {
        Assert.Null(Postcode.Normalise(value));
    }

    [Theory]
    [InlineData("1234 SB", "1234 SB")]
    [InlineData("1234 AS", "1234 AS")]
    [InlineData("1234 DS", "1234 DS")]
    [InlineData("1234 ST", "1234 ST")]
    public void LettersThatMerelyResembleSaSdOrSsAreAccepted(string value, string expected)
    {
        Assert.Equal(expected, Postcode.Normalise(value));
    }

    [Theory]
    [InlineData("0123 AB")]
    [InlineData("0000 AA")]
    [InlineData("0999ZZ")]
    public void APostcodeStartingWithZeroIsRejected(string value)
    {
        Assert.Null(Postcode.Normalise(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123 AB")]
    [InlineData("12345 AB")]
    [InlineData("1234 A")]
    [InlineData("1234 ABC")]
    [InlineData("1234")]
    [InlineData("AB")]
    [InlineData("AB 1234")]
    [InlineData("1234-AB")]
    [InlineData("1234\tAB")]
    [InlineData("1234\nAB")]
    [InlineData("1234 A1")]
    [InlineData("1234 1A")]
    [InlineData("12A4 AB")]
    [InlineData("1234 \u00c4B")]
    [InlineData("\uff11\uff12\uff13\uff14 AB")]
    [InlineData("\u0661\u0662\u0663\u0664 AB")]
    [InlineData("3072 AB 3072 AB")]
    public void AnythingThatIsNotADutchPostcodeIsRejected(string? value)
    {
        Assert.Null(Postcode.Normalise(value));
    }
}
