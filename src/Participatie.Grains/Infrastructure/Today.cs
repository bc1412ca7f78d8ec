namespace Participatie.Grains.Infrastructure;

/// <summary>The calendar day in the Netherlands, which decides ages and which dated rule applies.</summary>
public static class Today
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public static DateOnly In(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Amsterdam).DateTime);

    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without tzdata: Central European Time with EU daylight saving.
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Amsterdam", TimeSpan.FromHours(1), "Europe/Amsterdam", "CET", "CEST", [rule]);
        }
    }
}
