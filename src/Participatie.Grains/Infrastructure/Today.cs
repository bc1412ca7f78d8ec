namespace Participatie.Grains.Infrastructure;

/// <summary>The calendar day in the Netherlands, which decides ages and which dated rule applies.</summary>
public static class Today
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public static DateOnly In(TimeProvider time) => Of(time.GetUtcNow());

    /// <summary>The calendar day in the Netherlands at <paramref name="moment"/>.</summary>
    public static DateOnly Of(DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);

    /// <summary>The first day of the month after the current one: the latest month that may be paid or reported.</summary>
    public static DateOnly NextMonth(TimeProvider time)
    {
        var today = In(time);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(1);
    }

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
