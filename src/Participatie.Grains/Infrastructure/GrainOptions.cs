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

    /// <summary>
    /// How often a coach asks the people of its caseload for their contact interval (it follows their regime) and
    /// raises an inbox item for everyone newly overdue. Checked on the reconcile reminder, so at most that often.
    /// </summary>
    public TimeSpan FollowUpCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a WatchInbox poll waits in the coach's grain before it answers with nothing new.</summary>
    public TimeSpan InboxPollWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The period of the reminder that finishes a caseload hand-over a crash broke off (at least
    /// <c>Reminders:MinimumReminderPeriod</c>, one minute by default).
    /// </summary>
    public TimeSpan HandOverResumeInterval { get; set; } = TimeSpan.FromMinutes(1);

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

        if (FollowUpCheckInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:FollowUpCheckInterval must be positive";
        }

        // Orleans gives up on a grain call after its response timeout (30 s by default): a poll must answer before.
        if (InboxPollWait <= TimeSpan.Zero || InboxPollWait > TimeSpan.FromSeconds(25))
        {
            yield return $"{Section}:InboxPollWait must be between 0 and 25 seconds";
        }

        if (HandOverResumeInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:HandOverResumeInterval must be positive (and at least Reminders:MinimumReminderPeriod, one minute by default)";
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
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Statements being frozen at once within a batch. Each freeze stores the person's record; with many in flight
    /// the embedded store commits them together, so this is what keeps storage busy rather than waiting.
    /// </summary>
    public int Concurrency { get; set; } = 64;

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
