namespace Participatie.Domain.Contracts;

/// <summary>
/// The person's record beside the contract as it stands, and the rules of adding to it: well-being check-ins (the
/// person and their coach), the contact journal (the coach, and the neighbourhood team the person agreed to) with the
/// last contact it sets, and outflow to work (the person and their coach). Nothing on it is ever changed or dropped;
/// each list is capped. Like <see cref="SocialContract"/> it is a snapshot that decides and never stores, over lists
/// that are read, not copied; the record keeps no history of its own.
/// </summary>
public sealed class PersonRecord(Parties parties, IReadOnlyList<WellBeingCheckIn> wellBeing, IReadOnlyList<JournalEntry> journal, IReadOnlyList<Outflow> outflows)
{
    /// <summary>Adds a check-in; the same request again is answered with the same check-in.</summary>
    public Decision<WellBeingCheckIn> RecordWellBeing(Actor actor, RecordWellBeing request, DateTimeOffset now)
    {
        var fingerprint = Fingerprints.Of(request.Score, request.Note, actor.Party);
        if (MayRecord(actor, RecordRules.MayRecordWellBeing(actor.Party), "record well-being") is { } refusal)
        {
            return Decision<WellBeingCheckIn>.Refuse(refusal);
        }

        if (request.RequestId is not null && wellBeing.FirstOrDefault(w => w.RequestId == request.RequestId) is { } earlier)
        {
            return earlier.RequestFingerprint == fingerprint
                ? Decision<WellBeingCheckIn>.Repeat(earlier)
                : Decision<WellBeingCheckIn>.Refuse(ContractRefusal.Reused("well_being", request.RequestId, "request_id was used before for another check-in; use a new request_id"));
        }

        return ContractRules.CheckRoom(wellBeing.Count, RecordRules.MaxWellBeingCheckIns, "well-being check-ins") is { } full
            ? Decision<WellBeingCheckIn>.Refuse(full)
            : Decision<WellBeingCheckIn>.Change(new(wellBeing.Count + 1, request.Score, request.Note, actor.Party, now, request.RequestId, fingerprint));
    }

    /// <summary>
    /// Adds an entry to the contact journal; the same request again is answered with the same entry. Whether it moves
    /// the last contact is <see cref="RecordRules.LastContact"/>'s to say.
    /// </summary>
    public Decision<JournalEntry> AddJournalEntry(Actor actor, AddJournalEntry request, DateTimeOffset now)
    {
        var fingerprint = Fingerprints.Of(request.Type, request.ContactedOn, request.Note, actor.Party, actor.Id);
        if (MayRecord(actor, RecordRules.MayWriteJournal(actor.Party), "write in the contact journal") is { } refusal)
        {
            return Decision<JournalEntry>.Refuse(refusal);
        }

        if (request.RequestId is not null && journal.FirstOrDefault(j => j.RequestId == request.RequestId) is { } earlier)
        {
            return earlier.RequestFingerprint == fingerprint
                ? Decision<JournalEntry>.Repeat(earlier)
                : Decision<JournalEntry>.Refuse(ContractRefusal.Reused("journal_entry", request.RequestId, "request_id was used before for another journal entry; use a new request_id"));
        }

        return ContractRules.CheckRoom(journal.Count, RecordRules.MaxJournalEntries, "journal entries") is { } full
            ? Decision<JournalEntry>.Refuse(full)
            : Decision<JournalEntry>.Change(new(journal.Count + 1, request.Type, request.ContactedOn, request.Note, actor.Party, actor.Id, now, request.RequestId, fingerprint));
    }

    /// <summary>Adds outflow to work; the same hours from the same day are the same report and change nothing.</summary>
    public Decision<Outflow> ReportOutflow(Actor actor, ReportOutflow request, DateTimeOffset now)
    {
        if (MayRecord(actor, RecordRules.MayReportOutflow(actor.Party), "report outflow to work") is { } refusal)
        {
            return Decision<Outflow>.Refuse(refusal);
        }

        if (outflows.FirstOrDefault(o => o.StartOn == request.StartOn && o.HoursPerWeek == request.HoursPerWeek) is { } same)
        {
            return Decision<Outflow>.Repeat(same);
        }

        return ContractRules.CheckRoom(outflows.Count, RecordRules.MaxOutflows, "outflow reports") is { } full
            ? Decision<Outflow>.Refuse(full)
            : Decision<Outflow>.Change(new(request.HoursPerWeek, request.StartOn, actor.Party, now));
    }

    private ContractRefusal? MayRecord(Actor actor, bool mayRecord, string what) =>
        mayRecord
            ? parties.Check(actor)
            : new ContractRefusal(ContractRefusal.NotYourPart, $"a {actor.Party.ToString().ToLowerInvariant()} cannot {what} on this record");
}
