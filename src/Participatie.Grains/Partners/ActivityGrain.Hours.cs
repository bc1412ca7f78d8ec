using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Partners;
using Participatie.Domain.Participation;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Partners;

/// <summary>The hours a partner records per participant and day; a correction keeps the figure it replaces.</summary>
public sealed partial class ActivityGrain
{
    public async Task<AttendanceView> RecordHoursAsync(RecordHoursCommand command)
    {
        var violations = new Violations();
        RequireReference(violations, command.Reference);
        var attendance = ParticipationRules.Attendance(violations, command.Date, command.Hours, Today.In(time), policy.Value, dates.Value);
        var by = violations.Text(nameof(command.RecordedBy), command.RecordedBy, MaxActorLength);
        violations.ThrowIfAny();
        EnsureCreated();

        var (clientId, participant) = State.Participants.FirstOrDefault(p => p.Value.Reference == command.Reference);
        if (participant is null)
        {
            throw new NotFoundException("participant", command.Reference);
        }

        if (participant.Status != ParticipantStatus.Enrolled)
        {
            throw new PreconditionFailedException(Reasons.NotEnrolled, $"{command.Reference} agreed to take part but has no place in activity {ActivityId}; enrol them first");
        }

        var (day, minutes) = attendance!.Value;
        if (State.ClosedOn is { } closed && day > closed)
        {
            throw new PreconditionFailedException(Reasons.ActivityClosed, $"activity {ActivityId} closed on {closed:yyyy-MM-dd}; hours after that day cannot be recorded");
        }

        var entry = new HoursRecord { Minutes = minutes, RecordedAt = time.GetUtcNow(), RecordedBy = by! };
        var existing = participant.Days.FirstOrDefault(d => d.Day == day);
        if (existing is null)
        {
            existing = new AttendanceRecord { Day = day, Current = entry };
            participant.Days.Add(existing);
            participant.Days.Sort((a, b) => a.Day.CompareTo(b.Day));
        }
        else if (existing.Current.Minutes == minutes)
        {
            // The same figure again (a retry): nothing to correct.
            return existing.ToView(command.Reference, clientId);
        }
        else
        {
            existing.History.Add(existing.Current);
            existing.Current = entry;
        }

        participant.Version++;
        AddPending(clientId);
        await SaveAsync();
        await Outbox.DeliverAsync();
        return existing.ToView(command.Reference, clientId);
    }

    public Task<HoursPage> ListHoursAsync(DateOnly firstDay, DateOnly lastDay, string? after, int size)
    {
        EnsureCreated();
        var participants = State.Participants
            .Where(p => after is null || string.CompareOrdinal(p.Value.Reference, after) > 0)
            .OrderBy(p => p.Value.Reference, StringComparer.Ordinal)
            .Take(size)
            .ToList();
        IReadOnlyList<AttendanceView> days =
        [
            .. participants.SelectMany(p => p.Value.Days
                .Where(d => d.Day >= firstDay && d.Day <= lastDay)
                .Select(d => d.ToView(p.Value.Reference, p.Key))),
        ];
        return Task.FromResult(new HoursPage(days, participants.Count == size ? participants[^1].Value.Reference : null));
    }
}
