using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Payments;
using Participatie.Domain.Benefits;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Clients;

/// <summary>
/// The person's benefit: income forms, measures, and monthly statements. A statement is computed from the facts and
/// rules of now until its month is paid; the payment run then freezes it on the record (version 1), and from then on it
/// is returned as stored — a later change of rules or regime never rewrites it. A later income form or measure that
/// touches a paid month is recorded and reopens the month: the month's next payment pass computes a new version from
/// the facts of then and pays the difference as its own line (or records it as owed back), so the earlier versions and
/// what they paid stay as they were.
/// </summary>
public sealed partial class ClientGrain
{
    private const int MaxHoursPerWeek = 168;

    public async Task<MonthReportView> ReportEarningsAsync(ReportEarningsCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var month = CheckMonth(violations, "month", command.Month);
        if (command.NetEarningsCents is < 0 or > BenefitFactsRules.MaxEarningsCents)
        {
            violations.Add("net_earnings_cents", $"must be between 0 and {BenefitFactsRules.MaxEarningsCents}");
        }

        violations.Range("work_hours_per_week", command.WorkHoursPerWeek, 0, MaxHoursPerWeek);
        violations.Range("adults_in_home", command.AdultsInHome, 0, BenefitFactsRules.MaxAdultsInHome);
        var by = violations.Text("reported_by", command.ReportedBy, MaxActorLength);
        violations.ThrowIfAny();

        var report = new MonthReportRecord
        {
            Month = month!.Value,
            NetEarningsCents = command.NetEarningsCents,
            WorkHoursPerWeek = command.WorkHoursPerWeek,
            AdultsInHome = command.AdultsInHome,
            GroupSupport = command.GroupSupport,
            ReportedBy = by!,
            ReportedAt = Time.GetUtcNow(),
        };
        State.MonthReports.RemoveAll(r => r.Month == month);
        State.MonthReports.Add(report);
        State.MonthReports.Sort((a, b) => a.Month.CompareTo(b.Month));

        // The statutory disregard runs from the first month with earnings, so a form can change this month and the
        // months after it: every paid one of them is revised by its month's next pass (without a difference, no line).
        Reopen(
            State.Statements.Where(paid => paid.Month >= report.Month).Select(paid => paid.Month),
            $"income form of {Months.Format(report.Month)} reported on {Today.Of(report.ReportedAt):yyyy-MM-dd} by {report.ReportedBy}");
        await SaveAsync();
        return report.ToView();
    }

    public async Task<SanctionView> RecordSanctionAsync(RecordSanctionCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var reference = violations.Text("reference", command.Reference, BenefitFactsRules.MaxReferenceLength);
        if (reference is not null && !TextRules.IsSingleLine(reference))
        {
            violations.Add("reference", "must be a single line");
        }

        var first = CheckMonth(violations, "first_month", command.FirstMonth);
        violations.Range("percent", command.Percent, 1, 100);
        violations.Range("months", command.Months, 1, Sanction.MaxMonths);
        var by = violations.Text("decided_by", command.DecidedBy, MaxActorLength);
        violations.ThrowIfAny();

        var sanction = new SanctionRecord
        {
            Reference = reference!,
            FirstMonth = first!.Value,
            Percent = command.Percent,
            Months = command.Months,
            SpreadOverThreeMonths = command.SpreadOverThreeMonths,
            DecidedBy = by!,
            RecordedAt = Time.GetUtcNow(),
        };
        if (State.Sanctions.Find(s => s.Reference == reference) is { } existing)
        {
            return (existing.FirstMonth, existing.Percent, existing.Months, existing.SpreadOverThreeMonths) == (sanction.FirstMonth, sanction.Percent, sanction.Months, sanction.SpreadOverThreeMonths)
                ? existing.ToView()
                : throw new AlreadyExistsException("sanction", reference!, $"a measure with reference {reference} was recorded before with other terms");
        }

        var measure = new Sanction(sanction.Reference, sanction.FirstMonth, sanction.Percent, sanction.Months, sanction.SpreadOverThreeMonths);
        var months = Enumerable.Range(0, Sanction.MaxMonths).Select(i => sanction.FirstMonth.AddMonths(i)).Where(m => measure.PercentIn(m) > 0);

        var regime = ClientRegimes.Resolve(await LayersAsync(), sanction.FirstMonth);
        if (!regime.Regime.SanctionsAllowed)
        {
            var why = regime.For(RegimeSettingNames.Sanctions);
            throw new PreconditionFailedException(
                Reasons.SanctionsExcluded,
                $"the person's regime in {Months.Format(sanction.FirstMonth)} excludes sanctions ({RegimeSettingNames.Sanctions} set by {why.SourceName})");
        }

        State.Sanctions.Add(sanction);
        Reopen(
            months.Where(m => State.Statements.Exists(paid => paid.Month == m)),
            $"measure {sanction.Reference} recorded on {Today.Of(sanction.RecordedAt):yyyy-MM-dd} by {sanction.DecidedBy}");
        await SaveAsync();
        return sanction.ToView();
    }

    public async Task<StatementView> GetBenefitStatementAsync(string month)
    {
        EnsureRegistered();
        var violations = new Violations();
        var first = CheckMonth(violations, "month", month);
        violations.ThrowIfAny();

        if (LatestVersion(first!.Value) is { } frozen)
        {
            return frozen.ToView(ClientId, frozen: true, frozen.FrozenAt) with
            {
                Version = frozen.VersionNumber,
                RevisionPending = State.RevisionsDue.Exists(due => due.Month == first),
                Payments = [.. Versions(first.Value).Select(v => v.ToPaymentView())],
            };
        }

        return (await ComputeAsync(first!.Value)).ToView(ClientId, frozen: false, Time.GetUtcNow());
    }

    public async Task<FreezeResult> PayMonthAsync(DateOnly month, string runId, int pass, int batch)
    {
        EnsureRegistered();
        var latest = LatestVersion(month);
        if (latest is null && month < Dates.CaseFirstDay(CaseDates.Start))
        {
            // Before the case (and the months it may reach back to): nothing is owed for it, in any pass. The run
            // skips a result that names no run.
            return new FreezeResult(ClientId, State.NeighbourhoodId, 0, RunId: "", Batch: 0);
        }

        if (latest is null)
        {
            latest = await ComputeAsync(month);
            (latest.PaymentRunId, latest.Pass, latest.Batch, latest.FrozenAt, latest.Version) = (runId, pass, batch, Time.GetUtcNow(), 1);
            latest.AmountCents = latest.TotalCents;
            State.Statements.Add(latest);
            State.Statements.Sort((a, b) => a.Month.CompareTo(b.Month));
            State.RevisionsDue.RemoveAll(due => due.Month == month);
            await SaveAsync();
        }
        else if (latest.PassNumber < pass && State.RevisionsDue.Find(due => due.Month == month) is { } due)
        {
            // At most one line per person and pass: a month reopened after this pass paid it waits for the next pass.
            var revised = await ComputeAsync(month);
            State.RevisionsDue.Remove(due);
            if (revised.TotalCents != latest.TotalCents)
            {
                (revised.PaymentRunId, revised.Pass, revised.Batch, revised.FrozenAt) = (runId, pass, batch, Time.GetUtcNow());
                revised.Version = latest.VersionNumber + 1;
                revised.AmountCents = revised.TotalCents - latest.TotalCents;
                revised.Reason = string.Join("; ", due.Reasons);
                State.Revisions.Add(revised);
                latest = revised;
            }

            await SaveAsync();
        }

        return new FreezeResult(ClientId, latest.NeighbourhoodId, latest.TotalCents, latest.PaymentRunId, latest.Batch, latest.PassNumber, latest.VersionNumber, latest.Kind(), latest.Amount);
    }

    public Task<PaymentLine?> GetPaymentLineAsync(DateOnly month, int pass) =>
        Task.FromResult(Versions(month).FirstOrDefault(v => v.PassNumber == pass) is { } paid
            ? new PaymentLine(ClientId, paid.NeighbourhoodId, paid.TotalCents, paid.PaymentRunId, State.EncryptedBsn, paid.PassNumber, paid.VersionNumber, paid.Amount, paid.Kind(), paid.Reason, paid.FrozenAt)
            : null);

    /// <summary>The month's paid versions, first to latest; empty for an unpaid month.</summary>
    private IEnumerable<StatementRecord> Versions(DateOnly month) =>
        State.Statements.Where(s => s.Month == month).Concat(State.Revisions.Where(s => s.Month == month).OrderBy(s => s.Version));

    private StatementRecord? LatestVersion(DateOnly month) => Versions(month).LastOrDefault();

    /// <summary>Marks paid months for revision by their next payment pass, with why.</summary>
    private void Reopen(IEnumerable<DateOnly> months, string reason)
    {
        foreach (var month in months.ToList())
        {
            var due = State.RevisionsDue.Find(d => d.Month == month);
            if (due is null)
            {
                State.RevisionsDue.Add(due = new RevisionDueRecord { Month = month });
                State.RevisionsDue.Sort((a, b) => a.Month.CompareTo(b.Month));
            }

            if (due.Reasons.Count < RevisionDueRecord.MaxReasons)
            {
                due.Reasons.Add(reason);
            }
        }
    }

    /// <summary>The month's statement from the facts, the regime in force on its first day, and the benefit table.</summary>
    private async Task<StatementRecord> ComputeAsync(DateOnly month)
    {
        var layers = await LayersAsync();
        var regime = ClientRegimes.Resolve(layers, month);
        var consent = ClientRegimes.TrajectoryOn(State, month)?.Consent?.GivenAt;
        var facts = ClientRegimes.Facts(State, month, consent is { } given ? Today.Of(given) : null);
        BenefitStatement statement;
        try
        {
            statement = BenefitCalculator.Calculate(facts, regime.Regime, Benefits, month);
        }
        catch (InvalidOperationException missing)
        {
            throw new PreconditionFailedException(Reasons.FigureNotConfigured, missing.Message);
        }

        return statement.ToRecord(regime, layers, State.NeighbourhoodId, State.MonthReports.Find(r => r.Month == month));
    }

    /// <summary>A month field: <c>yyyy-MM</c>, within the person's case (<see cref="DateBounds"/>), and not more than one month ahead.</summary>
    private DateOnly? CheckMonth(Violations violations, string field, string? text)
    {
        var month = Dates.CaseMonth(violations, field, violations.Month(field, text), Today.In(Time), CaseDates.Start, CaseDates.FirstPaid);
        if (month > Today.NextMonth(Time))
        {
            violations.Add(field, "must not be more than one month ahead");
            return null;
        }

        return month;
    }
}
