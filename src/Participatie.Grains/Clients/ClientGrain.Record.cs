using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Domain.Contracts;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Clients;

/// <summary>
/// The person's record beside the contract: well-being check-ins (0-10), the contact journal of the coach and the
/// neighbourhood team (which sets <see cref="ClientState.LastContactOn"/>), and outflow to work. Monthly earnings are
/// the income forms of <see cref="ReportEarningsAsync"/>, shown here, not kept twice.
/// </summary>
public sealed partial class ClientGrain
{
    /// <summary>How many months of income forms the record shows at a glance (all are in the export).</summary>
    private const int RecentEarningsMonths = 24;

    public async Task<WellBeingView> RecordWellBeingAsync(ContractActor actor, WellBeingCommand command)
    {
        EnsureRegistered();
        var violations = new Violations();
        violations.Range("score", command.Score, RecordRules.MinWellBeing, RecordRules.MaxWellBeing);
        var note = violations.Words("note", command.Note, RecordRules.MaxWellBeingNoteLength, required: false);
        var requestId = violations.Text("request_id", command.RequestId, MaxRequestIdLength, required: false);
        violations.ThrowIfAny();
        EnsureCaseOpen();
        EnsureRecorder(actor, RecordRules.MayRecordWellBeing(actor.Party), "record well-being");

        var fingerprint = Fingerprint(command.Score, note, actor.Party);
        if (requestId is not null && State.WellBeing.Find(w => w.RequestId == requestId) is { } earlier)
        {
            return earlier.RequestFingerprint == fingerprint
                ? earlier.ToView()
                : throw new AlreadyExistsException("well_being", requestId, "request_id was used before for another check-in; use a new request_id");
        }

        Refuse(ContractRules.CheckRoom(State.WellBeing.Count, RecordRules.MaxWellBeingCheckIns, "well-being check-ins"));
        var checkIn = new WellBeingRecord
        {
            Sequence = State.WellBeing.Count + 1,
            Score = command.Score,
            Note = note,
            By = actor.Party,
            At = Time.GetUtcNow(),
            RequestId = requestId,
            RequestFingerprint = fingerprint,
        };
        State.WellBeing.Add(checkIn);
        await SaveAsync();
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
        var type = violations.Defined("type", command.Type);
        var on = RecordRules.ContactDate(violations, "contacted_on", command.ContactedOn, Today.In(Time));
        var note = violations.Words("note", command.Note, RecordRules.MaxJournalNoteLength);
        var requestId = violations.Text("request_id", command.RequestId, MaxRequestIdLength, required: false);
        violations.ThrowIfAny();
        EnsureNotAnonymised();
        EnsureRecorder(actor, RecordRules.MayWriteJournal(actor.Party), "write in the contact journal");

        var fingerprint = Fingerprint(type, on, note, actor.Party, actor.Id);
        if (requestId is not null && State.Journal.Find(j => j.RequestId == requestId) is { } earlier)
        {
            return earlier.RequestFingerprint == fingerprint
                ? earlier.ToView()
                : throw new AlreadyExistsException("journal_entry", requestId, "request_id was used before for another journal entry; use a new request_id");
        }

        Refuse(ContractRules.CheckRoom(State.Journal.Count, RecordRules.MaxJournalEntries, "journal entries"));
        var entry = new JournalEntryRecord
        {
            Sequence = State.Journal.Count + 1,
            Type = type,
            ContactedOn = on!.Value,
            Note = note!,
            By = actor.Party,
            AuthorId = actor.Id,
            RecordedAt = Time.GetUtcNow(),
            RequestId = requestId,
            RequestFingerprint = fingerprint,
        };
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
        violations.Range("hours_per_week", command.HoursPerWeek, 1, RecordRules.MaxHoursPerWeek);
        var start = RecordRules.StartDate(violations, "start_on", command.StartOn, Today.In(Time));
        violations.ThrowIfAny();
        EnsureNotAnonymised();
        EnsureRecorder(actor, RecordRules.MayReportOutflow(actor.Party), "report outflow to work");

        // The same hours from the same day is the same report: repeating it changes nothing.
        if (State.Outflows.Find(o => o.StartOn == start && o.HoursPerWeek == command.HoursPerWeek) is { } same)
        {
            return same.ToView();
        }

        Refuse(ContractRules.CheckRoom(State.Outflows.Count, RecordRules.MaxOutflows, "outflow reports"));
        var outflow = new OutflowRecord { HoursPerWeek = command.HoursPerWeek, StartOn = start!.Value, By = actor.Party, ReportedAt = Time.GetUtcNow() };
        State.Outflows.Add(outflow);
        State.Outflows.Sort((a, b) => a.StartOn.CompareTo(b.StartOn));
        await CommitAsync(neighbourhoods: [State.NeighbourhoodId]); // outflow to work counts in the neighbourhood's figures
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

    private void EnsureRecorder(ContractActor actor, bool mayRecord, string what)
    {
        if (!mayRecord)
        {
            throw new PreconditionFailedException(Reasons.NotYourPart, $"a {actor.Party.ToString().ToLowerInvariant()} cannot {what} on this record");
        }

        EnsureActor(actor);
    }
}
