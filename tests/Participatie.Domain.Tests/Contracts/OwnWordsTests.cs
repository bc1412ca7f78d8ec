using Participatie.Domain.Contracts;
using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Contracts;

public sealed class OwnWordsTests
{
    [Theory]
    [InlineData("Ik wil eerst mijn schulden op orde.")]
    [InlineData("  Nee — ik zorg voor mijn moeder 👵\nen dat gaat voor.  ")]
    [InlineData("لا شكرا")]
    public void APersonsWordsAreAcceptedAsWrittenTrimmed(string words)
    {
        var violations = new Violations();

        Assert.Equal(words.Trim(), violations.Words("words", words, 1000));
        Assert.False(violations.Any);
    }

    [Theory]
    [InlineData("nee\u202Edank je")]
    [InlineData("\u2066nee\u2069")]
    [InlineData("nee\u0007")]
    [InlineData("")]
    public void BidiControlsControlCharactersAndEmptyTextAreRefused(string words)
    {
        var violations = new Violations();

        Assert.Null(violations.Words("words", words, 1000));
        Assert.Equal("words", Assert.Single(violations.Items).Field);
    }

    [Fact]
    public void TextOverTheLimitIsRefusedAndOptionalTextMayBeEmpty()
    {
        var violations = new Violations();

        Assert.Null(violations.Words("note", new string('a', 501), 500));
        Assert.Null(violations.Words("words", "", 1000, required: false));
        Assert.Equal("note", Assert.Single(violations.Items).Field);
    }
}
