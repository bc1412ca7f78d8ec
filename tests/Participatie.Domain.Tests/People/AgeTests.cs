using Participatie.Domain.People;

namespace Participatie.Domain.Tests.People;

public sealed class AgeTests
{
    [Theory]
    [InlineData("1980-06-15", "2026-06-14", 45)]
    [InlineData("1980-06-15", "2026-06-15", 46)]
    [InlineData("1980-06-15", "2026-06-16", 46)]
    [InlineData("1980-06-15", "2026-01-01", 45)]
    [InlineData("1980-06-15", "2026-12-31", 46)]
    public void TheAgeGoesUpOnTheBirthdayItself(string dateOfBirth, string day, int expected)
    {
        Assert.Equal(expected, Age.On(DateOnly.Parse(dateOfBirth), DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("1990-12-31", "2026-12-30", 35)]
    [InlineData("1990-12-31", "2026-12-31", 36)]
    [InlineData("1991-01-01", "2026-12-31", 35)]
    [InlineData("1991-01-01", "2027-01-01", 36)]
    public void BirthdaysAtTheTurnOfTheYearCountInTheRightYear(string dateOfBirth, string day, int expected)
    {
        Assert.Equal(expected, Age.On(DateOnly.Parse(dateOfBirth), DateOnly.Parse(day)));
    }

    [Fact]
    public void APersonIsZeroOnTheDayOfBirth()
    {
        var born = new DateOnly(2026, 3, 15);

        Assert.Equal(0, Age.On(born, born));
        Assert.Equal(0, Age.On(born, new DateOnly(2027, 3, 14)));
        Assert.Equal(1, Age.On(born, new DateOnly(2027, 3, 15)));
    }

    [Theory]
    [InlineData("2025-02-28", 24)]
    [InlineData("2025-03-01", 25)]
    [InlineData("2027-02-28", 26)]
    [InlineData("2027-03-01", 27)]
    [InlineData("2100-02-28", 99)]
    [InlineData("2100-03-01", 100)]
    public void ABirthdayOnTwentyNineFebruaryFallsOnOneMarchInNonLeapYears(string day, int expected)
    {
        Assert.Equal(expected, Age.On(new DateOnly(2000, 2, 29), DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("2024-02-28", 23)]
    [InlineData("2024-02-29", 24)]
    [InlineData("2024-03-01", 24)]
    [InlineData("2028-02-28", 27)]
    [InlineData("2028-02-29", 28)]
    public void ABirthdayOnTwentyNineFebruaryFallsOnTwentyNineFebruaryInLeapYears(string day, int expected)
    {
        Assert.Equal(expected, Age.On(new DateOnly(2000, 2, 29), DateOnly.Parse(day)));
    }

    [Theory]
    [InlineData("2023-02-28", 22)]
    [InlineData("2023-03-01", 23)]
    [InlineData("2024-02-28", 23)]
    [InlineData("2024-02-29", 23)]
    [InlineData("2024-03-01", 24)]
    public void ABirthdayOnOneMarchIsOnOneMarchInEveryYear(string day, int expected)
    {
        Assert.Equal(expected, Age.On(new DateOnly(2000, 3, 1), DateOnly.Parse(day)));
    }
}
