using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Domain.Participation;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Partners;

/// <summary>
/// One activity of a partner; see <see cref="IActivityGrain"/>. Places and hours change here only, one call at a time,
/// so two enrolments into the last place cannot both succeed. Each change to a participant is stored together with
/// the person in the outbox (<see cref="ActivityState.PendingClients"/>) and then delivered to their record as a
/// versioned contribution by the shared <see cref="Infrastructure.Outbox"/>.
/// </summary>
public sealed partial class ActivityGrain(
    [PersistentState(StorageNames.Activity, StorageNames.Provider)] IPersistentState<ActivityState> record,
    IOptions<ParticipationPolicy> policy,
    IOptions<DateBounds> dates,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider time,
    ILogger<ActivityGrain> logger) : Grain, IActivityGrain, IRemindable
{
    public const int MaxActorLength = 100;
    public const int MaxReasonLength = 500;
    private const string DetailsPrefix = "activity.";
    private const string ReferencePrefix = "pr-";

    private Outbox? _outbox;

    private ActivityState State => record.State;

    /// <summary>The people's records and the neighbourhoods that must still hear of the activity's newest change.</summary>
    private Outbox Outbox => _outbox ??= new(new GrainOutboxHost(this), outboxOptions.Value, logger,
    [
        OutboxChannel.Of(new PendingList(() => State.PendingClients), TellClientAsync),
        OutboxChannel.Of(new PendingList(() => State.PendingNeighbourhoods), TellNeighbourhoodAsync),
    ]);

    private string ActivityId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Changes stored before a crash may not have reached the people's records (in a turn of its own: a person who
        // is at this moment asking this activity must not wait on it).
        Outbox.ResumeAfterActivation();
        return Task.CompletedTask;
    }

    public async Task<ActivityView> CreateAsync(string partnerId, ActivityData details, string createdBy)
    {
        var violations = new Violations();
        violations.Id("activity_id", ActivityId, IdKind.Activity);
        violations.Id("partner_id", partnerId, IdKind.Partner);
        var checkedDetails = ParticipationRules.Validate(violations, details.ToDomain(), DetailsPrefix);
        var by = violations.Text("created_by", createdBy, MaxActorLength);
        violations.ThrowIfAny();

        var data = checkedDetails!.ToData();
        if (State.Created)
        {
            return State.PartnerId == partnerId && State.Details() == data
                ? State.ToView(ActivityId)
                : throw new AlreadyExistsException("activity", ActivityId, "request_id was used before for another activity; use a new request_id");
        }

        await EnsureNeighbourhoodAsync(data.NeighbourhoodId);
        State.Created = true;
        State.PartnerId = partnerId;
        State.Apply(data);
        State.CreatedBy = by!;
        State.CreatedAt = time.GetUtcNow();
        ChangeOffer(State.NeighbourhoodId);
        await SaveAsync();
        await Outbox.DeliverAsync();
        return State.ToView(ActivityId);
    }

    public Task<ActivityView> GetAsync()
    {
        EnsureCreated();
        return Task.FromResult(State.ToView(ActivityId));
    }

    public Task<string?> GetOwnerAsync() => Task.FromResult(State.Created ? State.PartnerId : null);

    public async Task<ActivityView> UpdateAsync(ActivityData details)
    {
        var violations = new Violations();
        var checkedDetails = ParticipationRules.Validate(violations, details.ToDomain(), DetailsPrefix);
        violations.ThrowIfAny();
        EnsureCreated();
        EnsureOpen();

        var data = checkedDetails!.ToData();
        var enrolled = State.Enrolled();
        if (data.Capacity < enrolled)
        {
            throw new PreconditionFailedException(Reasons.CapacityBelowEnrolled, $"activity {ActivityId} has {enrolled} participants with a place; the capacity cannot be lower");
        }

        if (data.NeighbourhoodId != State.NeighbourhoodId)
        {
            await EnsureNeighbourhoodAsync(data.NeighbourhoodId);
            ChangeOffer(State.NeighbourhoodId, data.NeighbourhoodId);
        }

        else if (data.Type != State.Type)
        {
            // The neighbourhood finds its activities by type.
            ChangeOffer(State.NeighbourhoodId);
        }

        if (data.Type != State.Type)
        {
            // The person's record keeps the type of each activity: tell everyone.
            foreach (var (clientId, participant) in State.Participants)
            {
                participant.Version++;
                AddPending(clientId);
            }
        }

        State.Apply(data);
        await SaveAsync();
        await Outbox.DeliverAsync();
        return State.ToView(ActivityId);
    }

    public async Task<ActivityView> CloseAsync(string reason)
    {
        var violations = new Violations();
        var why = violations.Text("reason", reason, MaxReasonLength);
        violations.ThrowIfAny();
        EnsureCreated();
        if (State.ClosedOn is null)
        {
            State.ClosedOn = Today.In(time);
            State.CloseReason = why;
            ChangeOffer(State.NeighbourhoodId);
            await SaveAsync();
            await Outbox.DeliverAsync();
        }

        return State.ToView(ActivityId);
    }

    public async Task<EnrolmentView> AgreeAsync(string clientId, string recordedBy)
    {
        var violations = new Violations();
        violations.Id("client_id", clientId, IdKind.Client);
        var by = violations.Text("recorded_by", recordedBy, MaxActorLength);
        violations.ThrowIfAny();
        EnsureCreated();
        if (State.Participants.TryGetValue(clientId, out var existing))
        {
            return existing.ToEnrolment(ActivityId, State.Title);
        }

        EnsureOpen();
        var facts = await GrainFactory.GetGrain<IClientRecordGrain>(clientId).GetParticipantFactsAsync();
        if (!facts.Registered)
        {
            throw new NotFoundException("client", clientId);
        }

        if (facts.CaseEnded)
        {
            throw new PreconditionFailedException(Reasons.CaseEnded, $"the case of client {clientId} has ended");
        }

        var now = time.GetUtcNow();
        var hasPlace = State.Enrolled() < State.Capacity;
        var participant = new ParticipantRecord
        {
            Reference = NewReference(),
            FirstName = facts.FirstName,
            Status = hasPlace ? ParticipantStatus.Enrolled : ParticipantStatus.Agreed,
            AgreedAt = now,
            AgreedBy = by!,
            EnrolledAt = hasPlace ? now : null,
            Version = 1,
        };
        State.Participants[clientId] = participant;
        AddPending(clientId);
        await SaveAsync();
        await Outbox.DeliverAsync();
        return participant.ToEnrolment(ActivityId, State.Title);
    }

    public Task<string?> FindParticipantAsync(string reference) =>
        Task.FromResult<string?>(State.Participants.FirstOrDefault(p => p.Value.Reference == reference).Key);

    public async Task<ParticipantView> EnrolAsync(string reference)
    {
        var violations = new Violations();
        RequireReference(violations, reference);
        violations.ThrowIfAny();
        EnsureCreated();

        var (clientId, participant) = State.Participants.FirstOrDefault(p => p.Value.Reference == reference);
        if (participant is null)
        {
            throw new PreconditionFailedException(
                Reasons.NoAgreement,
                $"no agreement to take part in activity {ActivityId} is recorded under {reference}; the person agrees in their own app or through their coach");
        }

        if (participant.Status == ParticipantStatus.Enrolled)
        {
            return participant.ToView(clientId);
        }

        EnsureOpen();
        if (State.Enrolled() >= State.Capacity)
        {
            throw new PreconditionFailedException(Reasons.ActivityFull, $"all {State.Capacity} places of activity {ActivityId} are taken");
        }

        participant.Status = ParticipantStatus.Enrolled;
        participant.EnrolledAt = time.GetUtcNow();
        participant.Version++;
        AddPending(clientId);
        await SaveAsync();
        await Outbox.DeliverAsync();
        return participant.ToView(clientId);
    }

    public async Task AnonymiseParticipantAsync(string clientId)
    {
        if (State.Participants.TryGetValue(clientId, out var participant) && participant.FirstName.Length > 0)
        {
            participant.FirstName = "";
            await SaveAsync();
        }
    }

    public Task<IReadOnlyList<ParticipantView>> ListParticipantsAsync(string? after, int size)
    {
        EnsureCreated();
        IReadOnlyList<ParticipantView> page =
        [
            .. State.Participants
                .Where(p => after is null || string.CompareOrdinal(p.Value.Reference, after) > 0)
                .OrderBy(p => p.Value.Reference, StringComparer.Ordinal)
                .Take(size)
                .Select(p => p.Value.ToView(p.Key)),
        ];
        return Task.FromResult(page);
    }

    public async Task<AttendanceView> RecordHoursAsync(RecordHoursCommand command)
    {
        var violations = new Violations();
        RequireReference(violations, command.Reference);
        var attendance = ParticipationRules.Attendance(violations, command.Date, command.Hours, Today.In(time), policy.Value, dates.Value);
        var by = violations.Text("recorded_by", command.RecordedBy, MaxActorLength);
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

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == Outbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
        }
    }

    /// <summary>Sends the person their current contribution; their record keeps the newest version.</summary>
    private Task TellClientAsync(string clientId) =>
        GrainFactory.GetGrain<IClientRecordGrain>(clientId).ApplyParticipationAsync(State.Participants[clientId].ToContribution(ActivityId, State.Type));

    private Task TellNeighbourhoodAsync(string neighbourhoodId) =>
        GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).ApplyActivityAsync(Offer(neighbourhoodId));

    public Task<ActivityOffer> GetOfferAsync(string neighbourhoodId) => Task.FromResult(Offer(neighbourhoodId));

    /// <summary>On offer in a neighbourhood: created there and not closed.</summary>
    private ActivityOffer Offer(string neighbourhoodId) =>
        new(ActivityId, State.OfferVersion, State.Created && State.ClosedOn is null && State.NeighbourhoodId == neighbourhoodId, State.Created ? State.Type : null);

    /// <summary>A new version of the offer, for these neighbourhoods to hear of (stored with the change that caused it).</summary>
    private void ChangeOffer(params string[] neighbourhoods)
    {
        State.OfferVersion++;
        foreach (var id in neighbourhoods)
        {
            State.PendingNeighbourhoods.AddOnce(id);
        }
    }

    private void AddPending(string clientId) => State.PendingClients.AddOnce(clientId);

    /// <summary>A reference unique within the activity: random, so it tells nothing about the person.</summary>
    private string NewReference()
    {
        while (true)
        {
            var reference = ReferencePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            if (State.Participants.Values.All(p => p.Reference != reference))
            {
                return reference;
            }
        }
    }

    private static void RequireReference(Violations violations, string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            violations.Add("participant_ref", "is required");
        }
        else if (!ReferenceFormat().IsMatch(reference))
        {
            violations.Add("participant_ref", "must be a participant reference as this API lists it: \"pr-\" and 12 characters of [0-9a-f]");
        }
    }

    private async Task EnsureNeighbourhoodAsync(string neighbourhoodId)
    {
        if (!await GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).ExistsAsync())
        {
            throw new NotFoundException("neighbourhood", neighbourhoodId);
        }
    }

    private void EnsureCreated()
    {
        if (!State.Created)
        {
            throw new NotFoundException("activity", ActivityId);
        }
    }

    private void EnsureOpen()
    {
        if (State.ClosedOn is { } closed)
        {
            throw new PreconditionFailedException(Reasons.ActivityClosed, $"activity {ActivityId} closed on {closed:yyyy-MM-dd}");
        }
    }

    private Task SaveAsync() => record.WriteOrDeactivateAsync(this);

    [GeneratedRegex(@"^pr-[0-9a-f]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceFormat();
}
