using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    private const string DetailsPrefix = "Activity.";
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

    public async Task<ActivityView> CreateAsync(string partnerId, string partnerName, ActivityData details, string createdBy)
    {
        var violations = new Violations();
        violations.Id(nameof(ActivityId), ActivityId, IdKind.Activity);
        violations.Id(nameof(partnerId), partnerId, IdKind.Partner);
        var checkedDetails = ParticipationRules.Validate(violations, details.ToDomain(), DetailsPrefix);
        var by = violations.Text(nameof(createdBy), createdBy, MaxActorLength);
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
        State.PartnerName = partnerName;
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
        else if (data != State.Details())
        {
            // The neighbourhood's offer shows the details and finds activities by type.
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
        var why = violations.Text(nameof(reason), reason, MaxReasonLength);
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

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == Outbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
        }
    }

    private async Task TellNeighbourhoodAsync(string neighbourhoodId) =>
        await GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).ApplyActivityAsync(await OfferAsync(neighbourhoodId));

    public Task<ActivityOffer> GetOfferAsync(string neighbourhoodId) => OfferAsync(neighbourhoodId);

    /// <summary>
    /// The offer, with the partner's name asked of the partner for a record stored before it was kept (kept in memory
    /// and stored with the next change). Never asked while the partner waits on this grain: a record that has the
    /// name is the only kind a partner's call (creation) delivers from.
    /// </summary>
    private async Task<ActivityOffer> OfferAsync(string neighbourhoodId)
    {
        if (State.Created && State.PartnerName.Length == 0)
        {
            State.PartnerName = (await GrainFactory.GetGrain<IPartnerGrain>(State.PartnerId).GetAsync()).Name;
        }

        return Offer(neighbourhoodId);
    }

    /// <summary>On offer in a neighbourhood: created there and not closed; with what a search shows of it.</summary>
    private ActivityOffer Offer(string neighbourhoodId) => new(
        ActivityId,
        State.OfferVersion,
        State.Created && State.ClosedOn is null && State.NeighbourhoodId == neighbourhoodId,
        State.Created ? State.Type : null,
        State.Created ? State.ToOfferDetails() : null);

    /// <summary>A new version of the offer, for these neighbourhoods to hear of (stored with the change that caused it).</summary>
    private void ChangeOffer(params string[] neighbourhoods)
    {
        State.OfferVersion++;
        foreach (var id in neighbourhoods)
        {
            State.PendingNeighbourhoods.AddOnce(id);
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
}
