using Participatie.Domain.Validation;

namespace Participatie.Domain.Tests.Validation;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Fatima el Amrani")]
    [InlineData("Zoë Ørsted-Çelik")]
    [InlineData("Line one\nLine two")]
    [InlineData("Line one\r\nLine two")]
    [InlineData("Column\tcolumn")]
    [InlineData("\u00a0non-breaking space")]
    [InlineData("\ufffd replacement character")]
    public void OrdinaryTextWithTabsAndNewlinesIsPrintable(string text)
    {
        Assert.True(TextRules.IsPrintable(text));
    }

    [Fact]
    public void ACompleteSurrogatePairIsPrintable()
    {
        Assert.True(TextRules.IsPrintable("smile \ud83d\ude00"));
        Assert.True(TextRules.IsPrintable("\ud83d\ude00"));
        Assert.True(TextRules.IsPrintable("\U0001F600\U0001F600"));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("a\u0001b")]
    [InlineData("a\u0007b")]
    [InlineData("a\u0008b")]
    [InlineData("a\u000bb")]
    [InlineData("a\u000cb")]
    [InlineData("a\u001bb")]
    [InlineData("a\u001fb")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0080b")]
    [InlineData("a\u0085b")]
    [InlineData("a\u009fb")]
    public void AControlCharacterOtherThanTabOrNewlineIsNotPrintable(string text)
    {
        Assert.False(TextRules.IsPrintable(text));
    }

    [Theory]
    [InlineData("a\ufffe")]
    [InlineData("\uffffa")]
    public void TheNonCharactersFffeAndFfffAreNotPrintable(string text)
    {
        Assert.False(TextRules.IsPrintable(text));
    }

    [Fact]
    public void ALoneSurrogateIsNotPrintable()
    {
        // Built in code: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        string[] texts =
        [
            "\ud800",
            "\udc00",
            "a\ud83d",
            "\ud83da",
            "a\ude00b",
            "\ude00\ud83d",
            "\ud83d\ud83d\ude00",
            "\ud83d\ude00\ude00",
        ];

        foreach (var text in texts)
        {
            Assert.False(TextRules.IsPrintable(text), $"expected not printable: {string.Join(' ', text.Select(c => ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)))}");
            Assert.False(TextRules.IsSingleLine(text));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Fatima")]
    [InlineData("van der Berg-Özdemir")]
    [InlineData("\U0001F600")]
    public void PrintableTextWithoutBreaksOrTabsIsASingleLine(string text)
    {
        Assert.True(TextRules.IsSingleLine(text));
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\r\nb")]
    [InlineData("a\tb")]
    [InlineData("trailing\n")]
    [InlineData("a\u0000b")]
    public void TextWithABreakTabOrControlCharacterIsNotASingleLine(string text)
    {
        Assert.False(TextRules.IsSingleLine(text));
    }

    [Theory]
    [InlineData("a\u2028b")]
    [InlineData("a\u2029b")]
    public void TextWithAUnicodeLineOrParagraphSeparatorIsNotASingleLine(string text)
    {
        // U+2028 and U+2029 break the line wherever the text is shown, as "\n" does.
        Assert.False(TextRules.IsSingleLine(text));
    }
}
