namespace Participatie.Grains.Infrastructure;

/// <summary>Caseload settings (configuration section <c>Caseload</c>).</summary>
public sealed class CaseloadOptions
{
    public const string Section = "Caseload";

    /// <summary>The limit a coach gets when none is given.</summary>
    public int DefaultLimit { get; set; } = 100;

    /// <summary>The highest limit that may be set.</summary>
    public int MaximumLimit { get; set; } = 1000;

    /// <summary>How long a reserved place may stay unconfirmed before it is checked against the person's record.</summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a coach checks unconfirmed places (a reminder, so it survives restarts).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a coach checks its whole caseload against the people's records.</summary>
    public TimeSpan FullReconcileInterval { get; set; } = TimeSpan.FromHours(24);

    public IEnumerable<string> Problems()
    {
        if (DefaultLimit < 1 || DefaultLimit > MaximumLimit)
        {
            yield return $"{Section}:DefaultLimit must be between 1 and {Section}:MaximumLimit";
        }

        if (ReservationTimeout < TimeSpan.Zero)
        {
            yield return $"{Section}:ReservationTimeout must not be negative";
        }

        if (ReconcileInterval <= TimeSpan.Zero || FullReconcileInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:ReconcileInterval and {Section}:FullReconcileInterval must be positive (and at least Reminders:MinimumReminderPeriod, one minute by default)";
        }
    }
}

/// <summary>Settings of the outbox that carries a grain's changes to the grains whose figures depend on them.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>The first retry after a failed delivery; it doubles up to <see cref="MaximumRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaximumRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The reminder that wakes a grain with undelivered changes after a restart.</summary>
    public TimeSpan BackstopInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>How long a person's record is kept after their case ended (configuration section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Ten years after the case ends by default; then the record is anonymised unless a legal hold applies.</summary>
    public TimeSpan AfterCaseEnd { get; set; } = TimeSpan.FromDays(3653);

    /// <summary>How often a held or due record checks again (a reminder, so it survives restarts).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<string> Problems()
    {
        if (AfterCaseEnd < TimeSpan.Zero)
        {
            yield return $"{Section}:AfterCaseEnd must not be negative";
        }

        if (CheckInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:CheckInterval must be positive (and at least Reminders:MinimumReminderPeriod)";
        }
    }
}

/// <summary>Settings of the monthly payment run (configuration section <c>PaymentRuns</c>).</summary>
public sealed class PaymentRunOptions
{
    public const string Section = "PaymentRuns";

    /// <summary>People per batch: the run stores its progress after each.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Statements frozen at once within a batch.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// The period of the reminder that wakes a run a crash broke off (at least <c>Reminders:MinimumReminderPeriod</c>,
    /// one minute by default).
    /// </summary>
    public TimeSpan ResumeInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Problems()
    {
        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"{Section}:BatchSize must be between 1 and 10000";
        }

        if (Concurrency < 1 || Concurrency > BatchSize)
        {
            yield return $"{Section}:Concurrency must be between 1 and {Section}:BatchSize";
        }

        if (ResumeInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:ResumeInterval must be positive (and at least Reminders:MinimumReminderPeriod, one minute by default)";
        }
    }
}

/// <summary>What counts as taking part (configuration section <c>Participation</c>).</summary>
public sealed class ParticipationOptions
{
    public const string Section = "Participation";

    /// <summary>A person is active with participation on one of the last this many days, today included (four weeks by default).</summary>
    public TimeSpan ActiveWindow { get; set; } = TimeSpan.FromDays(28);

    /// <summary>The first day of the window that ends today: who took part on or after it is active.</summary>
    public DateOnly ActiveSince(DateOnly today) => today.AddDays(1 - (int)ActiveWindow.TotalDays);

    public IEnumerable<string> Problems()
    {
        if (ActiveWindow < TimeSpan.FromDays(1) || ActiveWindow > TimeSpan.FromDays(366) || ActiveWindow.Ticks % TimeSpan.TicksPerDay != 0)
        {
            yield return $"{Section}:ActiveWindow must be a whole number of days between 1 and 366";
        }
    }
}
