namespace Participatie.Domain.Tests.Identity;

public sealed class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("012345672")]
    public void ANineDigitNumberThatPassesTheElevenTestIsValid(string value)
    {
        // The test data is checked against an independent computation first, so a wrong example cannot pass.
        Assert.True(PassesElevenTest(value));

        Assert.True(Bsn.IsValid(value));
        Assert.True(Bsn.TryParse(value, out var bsn));
        Assert.Equal(value, bsn.Digits);
    }

    [Theory]
    [InlineData("111222334")]
    [InlineData("123456789")]
    [InlineData("123456783")]
    [InlineData("211222333")]
    public void ANumberWithAWrongCheckDigitIsInvalid(string value)
    {
        Assert.False(PassesElevenTest(value));

        Assert.False(Bsn.IsValid(value));
        Assert.False(Bsn.TryParse(value, out var bsn));
        Assert.Equal(string.Empty, bsn.Digits);
    }

    [Fact]
    public void IsValidAgreesWithTheElevenTestForEveryNumberInARange()
    {
        var valid = 0;
        for (var n = 123_450_000; n < 123_470_000; n++)
        {
            var value = n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var expected = PassesElevenTest(value);
            Assert.True(expected == Bsn.IsValid(value), $"IsValid disagrees with the eleven-test for {value}");
            valid += expected ? 1 : 0;
        }

        // Roughly one number in eleven passes; a check that accepted everything or nothing would be caught above.
        Assert.InRange(valid, 1_500, 2_000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1234567")]
    [InlineData("1112223330")]
    [InlineData("01112223330")]
    public void ANumberOfAnyLengthOtherThanEightOrNineIsInvalid(string value)
    {
        Assert.False(Bsn.IsValid(value));
    }

    [Fact]
    public void NullIsInvalid()
    {
        Assert.False(Bsn.IsValid(null));
        Assert.False(Bsn.TryParse(null, out _));
    }

    [Theory]
    [InlineData("11122233a")]
    [InlineData("11122233 ")]
    [InlineData(" 11122233")]
    [InlineData("-11222333")]
    [InlineData("+11222333")]
    [InlineData("111.222.3")]
    [InlineData("\u0661\u0661\u0661\u0662\u0662\u0662\u0663\u0663\u0663")]
    [InlineData("\uFF11\uFF11\uFF11\uFF12\uFF12\uFF12\uFF13\uFF13\uFF13")]
    public void ANumberWithACharacterOtherThanAnAsciiDigitIsInvalid(string value)
    {
        Assert.False(Bsn.IsValid(value));
    }

    [Theory]
    [InlineData("000000000")]
    [InlineData("00000000")]
    public void AllZerosIsInvalidEvenThoughTheSumIsAMultipleOfEleven(string value)
    {
        Assert.False(Bsn.IsValid(value));
    }

    [Fact]
    public void AnEightDigitNumberIsReadWithALeadingZero()
    {
        Assert.True(PassesElevenTest("012345672"));

        Assert.True(Bsn.TryParse("12345672", out var bsn));
        Assert.Equal("012345672", bsn.Digits);
        Assert.True(Bsn.TryParse("012345672", out var nineDigits));
        Assert.Equal(nineDigits, bsn);
    }

    [Fact]
    public void AnEightDigitNumberIsCheckedWithTheLeadingZeroNotATrailingOne()
    {
        // 11111111 passes only when read as 111111110, 12345672 only when read as 012345672.
        Assert.True(PassesElevenTest("111111110"));
        Assert.False(PassesElevenTest("011111111"));
        Assert.True(PassesElevenTest("012345672"));
        Assert.False(PassesElevenTest("123456720"));

        Assert.False(Bsn.IsValid("11111111"));
        Assert.True(Bsn.IsValid("12345672"));
    }

    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("12345672")]
    public void ToStringNeverRevealsTheDigits(string value)
    {
        Assert.True(Bsn.TryParse(value, out var bsn));

        var text = bsn.ToString();
        Assert.DoesNotContain(text, char.IsAsciiDigit);
        Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(value, $"{bsn}", StringComparison.Ordinal);
        Assert.DoesNotContain(value, string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", bsn), StringComparison.Ordinal);
    }

    [Fact]
    public void ADefaultBsnHasNoDigitsAndIsMaskedToo()
    {
        var bsn = default(Bsn);

        Assert.Equal(string.Empty, bsn.Digits);
        Assert.DoesNotContain(bsn.ToString(), char.IsAsciiDigit);
    }

    [Fact]
    public void TwoBsnsWithTheSameDigitsAreEqual()
    {
        Assert.True(Bsn.TryParse("111222333", out var first));
        Assert.True(Bsn.TryParse("111222333", out var second));
        Assert.True(Bsn.TryParse("123456782", out var other));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    /// <summary>The eleven-test computed independently: 9·d1 + 8·d2 + … + 2·d8 − 1·d9, a positive multiple of 11.</summary>
    private static bool PassesElevenTest(string nineDigits)
    {
        int[] weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
        var sum = nineDigits.Select((c, i) => weights[i] * (c - '0')).Sum();
        return sum > 0 && sum % 11 == 0;
    }
}
