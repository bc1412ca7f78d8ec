using System.Globalization;
using Participatie.TestSupport;

namespace Participatie.Web.Tests;

/// <summary>Days as the web app writes them ("maandag 7 december"), independent of the machine's culture data.</summary>
public static class DutchDates
{
    private static readonly string[] Weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>Today in the Netherlands, as the platform counts days.</summary>
    public static DateOnly Today => DateOnly.ParseExact(SampleRequests.Day(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The Monday of last week: every day of that week is in the past, whatever today is.</summary>
    public static DateOnly LastWeeksMonday => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7) - 7);

    public static string Day(DateOnly day) => $"{Weekdays[(int)day.DayOfWeek]} {day.Day} {Months[day.Month - 1]}";

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
