namespace Participatie.Domain.People;

/// <summary>Age in whole years, as the law counts it: a birthday on 29 February falls on 1 March in other years.</summary>
public static class Age
{
    public static int On(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        var birthdayThisYear = dateOfBirth.Month == 2 && dateOfBirth.Day == 29 && !DateTime.IsLeapYear(day.Year)
            ? new DateOnly(day.Year, 3, 1)
            : new DateOnly(day.Year, dateOfBirth.Month, dateOfBirth.Day);
        return day < birthdayThisYear ? age - 1 : age;
    }
}
