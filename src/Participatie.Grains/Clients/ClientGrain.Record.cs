using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Domain.Contracts;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Clients;

/// <summary>
/// The person's record beside the contract: well-being check-ins (0-10), the contact journal of the coach and the
/// neighbourhood team (which sets <see cref="ClientState.LastContactOn"/>), and outflow to work. The rules are
/// <see cref="PersonRecord"/>'s; each call checks the request, asks the record and stores what it decided in one write.
/// Monthly earnings are the income forms of <see cref="ReportEarningsAsync"/>, shown here, not kept twice.
/// </summary>
public sealed partial class ClientGrain
{
    /// <summary>How many months of income forms the record shows at a glance (all are in the export).</summary>
    private const int RecentEarningsMonths = 24;

    public async Task<WellBeingView> RecordWellBeingAsync(ContractActor actor, WellBeingCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = RecordWellBeing.Check(violations, command.Score, command.Note, command.RequestId);
        violations.ThrowIfAny();
        EnsureCaseOpen();

        var decision = State.Record(ClientId).RecordWellBeing(actor.ToDomain(), request!, Time.GetUtcNow());
        var checkIn = Settle(decision).ToRecord();
        if (decision.Changed)
        {
            State.WellBeing.Add(checkIn);
            await SaveAsync();
        }

        return checkIn.ToView();
    }

    public Task<IReadOnlyList<WellBeingView>> ListWellBeingAsync(long? before, int size)
    {
        EnsureRegistered();
        return Task.FromResult<IReadOnlyList<WellBeingView>>(State.WellBeing.NewestFirst(before, size, w => w.ToView()));
    }

    public async Task<JournalEntryView> AddJournalEntryAsync(ContractActor actor, JournalEntryCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = AddJournalEntry.Check(violations, command.Type, command.ContactedOn, command.Note, command.RequestId, Today.In(Time));
        violations.ThrowIfAny();
        EnsureNotAnonymised();

        var decision = State.Record(ClientId).AddJournalEntry(actor.ToDomain(), request!, Time.GetUtcNow());
        var entry = Settle(decision).ToRecord();
        if (!decision.Changed)
        {
            return entry.ToView();
        }

        State.Journal.Add(entry);
        var lastContact = RecordRules.LastContact(State.LastContactOn, entry.Type, entry.ContactedOn);
        if (lastContact == State.LastContactOn)
        {
            await SaveAsync();
        }
        else
        {
            // The coach's contact agenda counts from the last contact: it travels with the caseload contribution.
            State.LastContactOn = lastContact;
            await CommitAsync(neighbourhoods: [], coaches: CurrentCoach());
        }

        return entry.ToView();
    }

    public Task<IReadOnlyList<JournalEntryView>> ListJournalAsync(long? before, int size)
    {
        EnsureRegistered();
        return Task.FromResult<IReadOnlyList<JournalEntryView>>(State.Journal.NewestFirst(before, size, j => j.ToView()));
    }

    public async Task<OutflowView> ReportOutflowAsync(ContractActor actor, OutflowCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        var request = ReportOutflow.Check(violations, command.HoursPerWeek, command.StartOn, Today.In(Time));
        violations.ThrowIfAny();
        EnsureNotAnonymised();

        var decision = State.Record(ClientId).ReportOutflow(actor.ToDomain(), request!, Time.GetUtcNow());
        var outflow = Settle(decision).ToRecord();
        if (decision.Changed)
        {
            State.Outflows.Add(outflow);
            State.Outflows.Sort((a, b) => a.StartOn.CompareTo(b.StartOn));
            await CommitAsync(neighbourhoods: [State.NeighbourhoodId]); // outflow to work counts in the neighbourhood's figures
        }

        return outflow.ToView();
    }

    public Task<PersonRecordView> GetPersonRecordAsync()
    {
        EnsureRegistered();
        return Task.FromResult(new PersonRecordView(
            State.WellBeing.Count == 0 ? null : State.WellBeing[^1].ToView(),
            State.WellBeing.Count,
            State.LastContactOn,
            State.Journal.Count,
            [.. State.Outflows.Select(o => o.ToView())],
            [.. State.MonthReports.AsEnumerable().Reverse().Take(RecentEarningsMonths).Select(r => r.ToView())]));
    }

    public Task<PersonExport> ExportAsync()
    {
        EnsureRegistered();
        return Task.FromResult(new PersonExport(View(), new ContractExport(
            State.ContractView(),
            [.. State.ContractHistory.Select(c => c.ToView())],
            [.. State.WellBeing.Select(w => w.ToView())],
            [.. State.Journal.Select(j => j.ToView())],
            [.. State.Outflows.Select(o => o.ToView())],
            [.. State.MonthReports.Select(r => r.ToView())])));
    }

    /// <summary>Notes in people's words go at anonymisation; scores, dates, contact types and hours stay for statistics.</summary>
    private void AnonymiseRecord()
    {
        foreach (var checkIn in State.WellBeing)
        {
            checkIn.Note = checkIn.Note is null ? null : string.Empty;
            checkIn.RequestId = null;
            checkIn.RequestFingerprint = null;
        }

        foreach (var entry in State.Journal)
        {
            entry.Note = string.Empty;
            entry.RequestId = null;
            entry.RequestFingerprint = null;
        }
    }
}
