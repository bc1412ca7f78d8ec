using Participatie.Domain.People;

namespace Participatie.Domain.Tests.People;

public sealed class NameKeysTests
{
    [Theory]
    [InlineData("Çelik", "celik")]
    [InlineData("ĲZERMAN", "ijzerman")]
    [InlineData("Strauß", "strauss")]
    [InlineData("  van  der   Berg ", "van der berg")]
    [InlineData("'t Hart", "t hart")]
    [InlineData("Hoogh-Zandvoort", "hoogh zandvoort")]
    [InlineData("Ngọc Ánh", "ngoc anh")]
    [InlineData("Łukasz Øyvind", "lukasz oyvind")]
    [InlineData("Иванова", "иванова")]
    [InlineData("C\u0327elik", "celik")]
    [InlineData("--- !", "")]
    public void FoldingIgnoresCaseDiacriticsAndPunctuation(string text, string key) => Assert.Equal(key, NameKeys.Fold(text));

    [Fact]
    public void AKeyIsTheFamilyNameThenTheGivenNameAndFoldsToItself()
    {
        var key = NameKeys.Of("El Amrani", "Mohamed");

        Assert.Equal("el amrani mohamed", key);
        Assert.True(NameKeys.IsKey(key));
        Assert.False(NameKeys.IsKey("El Amrani"));
        Assert.False(NameKeys.IsKey(""));
        Assert.StartsWith(NameKeys.Fold("EL-AMRANI, Moh"), key, StringComparison.Ordinal);
    }
}
