using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Payments;
using Participatie.Domain.Benefits;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Clients;

/// <summary>
/// The person's benefit: income forms, measures, and monthly statements. A statement is computed from the facts and
/// rules of now until its month is paid; the payment run then freezes it on the record (version 1), and from then on it
/// is returned as stored — a later change of rules or regime never rewrites it. A later income form or measure that
/// touches a paid month is recorded and reopens the month: the month's next payment pass computes a new version from
/// the facts of then and pays the difference as its own line (or records it as owed back), so the earlier versions and
/// what they paid stay as they were. The rules are the domain's (<see cref="IncomeForm"/>, <see cref="Measures"/>,
/// <see cref="MonthPayments"/>); this part loads the facts, asks them, stores the answer in one write, and delivers.
/// </summary>
public sealed partial class ClientGrain
{
    public async Task<MonthReportView> ReportEarningsAsync(ReportEarningsCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var reported = IncomeForm.Check(
            violations, Calendar, command.Month, command.NetEarningsCents, command.WorkHoursPerWeek, command.AdultsInHome, command.GroupSupport, command.ReportedBy, Time.GetUtcNow());
        violations.ThrowIfAny();

        var form = reported!;
        var report = form.ToRecord();
        State.MonthReports.RemoveAll(r => r.Month == report.Month);
        State.MonthReports.Add(report);
        State.MonthReports.Sort((a, b) => a.Month.CompareTo(b.Month));
        Reopen(form.Reopens(State.Statements.Select(paid => paid.Month), Today.Of(report.ReportedAt)));
        await SaveAsync();
        return report.ToView();
    }

    public async Task<SanctionView> RecordSanctionAsync(RecordSanctionCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var decided = Measures.Check(
            violations, Calendar, command.Reference, command.FirstMonth, command.Percent, command.Months, command.SpreadOverThreeMonths, command.DecidedBy, Time.GetUtcNow());
        violations.ThrowIfAny();

        var decision = decided!;
        var sanction = decision.Sanction;
        if (State.Sanctions.Find(s => s.Reference == sanction.Reference) is { } existing)
        {
            Refuse(Measures.Repeated(sanction, existing.ToDomain()));
            return existing.ToView();
        }

        Refuse(Measures.Allowed(sanction, ClientRegimes.Resolve(await LayersAsync(), sanction.FirstMonth)));
        var record = decision.ToRecord();
        State.Sanctions.Add(record);
        Reopen(decision.Reopens(State.Statements.Select(paid => paid.Month), Today.Of(decision.RecordedAt)));
        await SaveAsync();
        return record.ToView();
    }

    public async Task<StatementView> GetBenefitStatementAsync(string month)
    {
        EnsureRegistered();
        var violations = new Violations();
        var first = Calendar.Month(violations, nameof(BenefitStatement.Month), month);
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
        var due = State.RevisionsDue.Find(d => d.Month == month);
        switch (MonthPayments.Next(month, pass, latest?.ToPaid(), due is not null, Dates.CaseFirstDay(CaseDates.Start)))
        {
            case PaymentStep.NothingOwed:
                // The run skips a result that names no run.
                return new FreezeResult(ClientId, State.NeighbourhoodId, 0, RunId: "", Batch: 0);
            case PaymentStep.PayFirst:
                latest = await ComputeAsync(month);
                latest.Freeze(PaidVersion.First(month, pass, latest.TotalCents), runId, batch, Time.GetUtcNow(), reason: null);
                State.Statements.Add(latest);
                State.Statements.Sort((a, b) => a.Month.CompareTo(b.Month));
                State.RevisionsDue.RemoveAll(d => d.Month == month);
                await SaveAsync();
                break;
            case PaymentStep.Revise:
                var revised = await ComputeAsync(month);
                State.RevisionsDue.Remove(due!);
                if (latest!.ToPaid().RevisedTo(pass, revised.TotalCents) is { } version)
                {
                    revised.Freeze(version, runId, batch, Time.GetUtcNow(), string.Join("; ", due!.Reasons));
                    State.Revisions.Add(revised);
                    latest = revised;
                }

                await SaveAsync();
                break;
        }

        return new FreezeResult(ClientId, latest!.NeighbourhoodId, latest.TotalCents, latest.PaymentRunId, latest.Batch, latest.PassNumber, latest.VersionNumber, latest.Kind(), latest.Amount);
    }

    public Task<PaymentLine?> GetPaymentLineAsync(DateOnly month, int pass) =>
        Task.FromResult(Versions(month).FirstOrDefault(v => v.PassNumber == pass) is { } paid
            ? new PaymentLine(ClientId, paid.NeighbourhoodId, paid.TotalCents, paid.PaymentRunId, State.EncryptedBsn, paid.PassNumber, paid.VersionNumber, paid.Amount, paid.Kind(), paid.Reason, paid.FrozenAt)
            : null);

    /// <summary>The days and months the person's facts may name, as of now.</summary>
    private CaseCalendar Calendar => new(Dates, Today.In(Time), CaseDates.Start, CaseDates.FirstPaid);

    /// <summary>The month's paid versions, first to latest; empty for an unpaid month.</summary>
    private IEnumerable<StatementRecord> Versions(DateOnly month) =>
        State.Statements.Where(s => s.Month == month).Concat(State.Revisions.Where(s => s.Month == month).OrderBy(s => s.Version));

    private StatementRecord? LatestVersion(DateOnly month) => Versions(month).LastOrDefault();

    /// <summary>Marks the reopened months for revision by their next payment pass, with why.</summary>
    private void Reopen(Reopening reopening)
    {
        foreach (var month in reopening.Months)
        {
            var due = State.RevisionsDue.Find(d => d.Month == month);
            if (due is null)
            {
                State.RevisionsDue.Add(due = new RevisionDueRecord { Month = month });
                State.RevisionsDue.Sort((a, b) => a.Month.CompareTo(b.Month));
            }

            reopening.AddTo(due.Reasons);
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

    /// <summary>Turns a refusal of the benefit's or regime's rules into the failure callers know.</summary>
    private static void Refuse(BenefitRefusal? refusal)
    {
        switch (refusal)
        {
            case null:
                return;
            case { Code: BenefitRefusal.UnknownTrajectory }:
                throw new NotFoundException("trajectory", refusal.Subject!);
            case { Code: BenefitRefusal.MeasureRecordedOtherwise }:
                throw new AlreadyExistsException("sanction", refusal.Subject!, refusal.Message);
            default:
                throw new PreconditionFailedException(refusal.Code, refusal.Message);
        }
    }
}
