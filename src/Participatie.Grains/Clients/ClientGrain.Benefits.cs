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
/// rules of now until its month is paid; the payment run then freezes it on the record, and from then on it is returned
/// as stored — a later change of rules, regime or facts never rewrites it, and the facts of a paid month cannot change.
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
        EnsureNotPaid(month!.Value);

        var report = new MonthReportRecord
        {
            Month = month.Value,
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
        foreach (var month in Enumerable.Range(0, Sanction.MaxMonths).Select(i => sanction.FirstMonth.AddMonths(i)).Where(m => measure.PercentIn(m) > 0))
        {
            EnsureNotPaid(month);
        }

        var regime = ClientRegimes.Resolve(await LayersAsync(), sanction.FirstMonth);
        if (!regime.Regime.SanctionsAllowed)
        {
            var why = regime.For(RegimeSettingNames.Sanctions);
            throw new PreconditionFailedException(
                Reasons.SanctionsExcluded,
                $"the person's regime in {Months.Format(sanction.FirstMonth)} excludes sanctions ({RegimeSettingNames.Sanctions} set by {why.SourceName})");
        }

        State.Sanctions.Add(sanction);
        await SaveAsync();
        return sanction.ToView();
    }

    public async Task<StatementView> GetBenefitStatementAsync(string month)
    {
        EnsureRegistered();
        var violations = new Violations();
        var first = CheckMonth(violations, "month", month);
        violations.ThrowIfAny();

        if (State.Statements.Find(s => s.Month == first) is { } frozen)
        {
            return frozen.ToView(ClientId, frozen: true, frozen.FrozenAt);
        }

        return (await ComputeAsync(first!.Value)).ToView(ClientId, frozen: false, Time.GetUtcNow());
    }

    public async Task<FreezeResult> FreezeStatementAsync(DateOnly month, string runId, int batch)
    {
        EnsureRegistered();
        var frozen = State.Statements.Find(s => s.Month == month);
        if (frozen is null)
        {
            frozen = await ComputeAsync(month);
            frozen.PaymentRunId = runId;
            frozen.Batch = batch;
            frozen.FrozenAt = Time.GetUtcNow();
            State.Statements.Add(frozen);
            State.Statements.Sort((a, b) => a.Month.CompareTo(b.Month));
            await SaveAsync();
        }

        return new FreezeResult(ClientId, frozen.NeighbourhoodId, frozen.TotalCents, frozen.PaymentRunId, frozen.Batch);
    }

    public Task<PaymentLine?> GetPaymentLineAsync(DateOnly month) =>
        Task.FromResult(State.Statements.Find(s => s.Month == month) is { } frozen
            ? new PaymentLine(ClientId, frozen.NeighbourhoodId, frozen.TotalCents, frozen.PaymentRunId, State.EncryptedBsn)
            : null);

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

    private void EnsureNotPaid(DateOnly month)
    {
        if (State.Statements.Find(s => s.Month == month) is { } paid)
        {
            throw new PreconditionFailedException(
                Reasons.MonthPaid,
                $"{Months.Format(month)} was paid by {paid.PaymentRunId}; its statement is frozen and its facts cannot change (correct them in a later month)");
        }
    }
}
