using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Partners;

/// <summary>
/// A partner organisation and the ids of its activities; see <see cref="IPartnerGrain"/>. An activity is created
/// first and then listed here, so a crash in between leaves an activity that its owner does not list yet — repeating
/// the request (same request_id) lists it — never a listed activity that does not exist.
/// </summary>
public sealed class PartnerGrain(
    [PersistentState(StorageNames.Partner, StorageNames.Provider)] IPersistentState<PartnerState> record,
    TimeProvider time) : Grain, IPartnerGrain
{
    public const int MaxNameLength = 100;
    public const int MaxContactLength = 200;
    public const int MaxActorLength = 100;

    /// <summary>Activities one organisation can have; hundreds of organisations each offer a handful to a few dozen.</summary>
    public const int MaxActivities = 1000;

    private PartnerState State => record.State;

    private string PartnerId => this.GetPrimaryKeyString();

    public async Task<PartnerView> RegisterAsync(RegisterPartnerCommand command)
    {
        var violations = new Violations();
        violations.Id(nameof(PartnerId), PartnerId, IdKind.Partner);
        var name = violations.Text(nameof(command.Name), command.Name, MaxNameLength);
        if (name is not null && !TextRules.IsSingleLine(name))
        {
            violations.Add(nameof(command.Name), "must be a single line");
        }

        var contact = violations.Text(nameof(command.Contact), command.Contact, MaxContactLength);
        var by = violations.Text(nameof(command.RegisteredBy), command.RegisteredBy, MaxActorLength);
        violations.ThrowIfAny();

        if (State.Registered)
        {
            return State.Name == name && State.Contact == contact
                ? View()
                : throw new AlreadyExistsException("partner", PartnerId, $"partner {PartnerId} is registered already with another name or contact");
        }

        State.Registered = true;
        State.Name = name!;
        State.Contact = contact!;
        State.RegisteredBy = by!;
        State.RegisteredAt = time.GetUtcNow();
        await record.WriteOrDeactivateAsync(this);
        return View();
    }

    public Task<PartnerView> GetAsync()
    {
        EnsureRegistered();
        return Task.FromResult(View());
    }

    public async Task<ActivityView> CreateActivityAsync(string activityId, ActivityData details, string createdBy)
    {
        EnsureRegistered();
        if (!State.Activities.Contains(activityId) && State.Activities.Count >= MaxActivities)
        {
            throw new PreconditionFailedException(Reasons.TooManyActivities, $"partner {PartnerId} has {MaxActivities} activities; close and reuse one");
        }

        var activity = await GrainFactory.GetGrain<IActivityGrain>(activityId).CreateAsync(PartnerId, State.Name, details, createdBy);
        if (!State.Activities.Contains(activityId))
        {
            State.Activities.Add(activityId);
            await record.WriteOrDeactivateAsync(this);
        }

        return activity;
    }

    public Task<IReadOnlyList<string>> ListActivityIdsAsync(string? after, int size)
    {
        EnsureRegistered();
        IReadOnlyList<string> page =
        [
            .. State.Activities
                .Where(id => after is null || string.CompareOrdinal(id, after) > 0)
                .Order(StringComparer.Ordinal)
                .Take(size),
        ];
        return Task.FromResult(page);
    }

    public async Task<IReadOnlyList<ActivityView>> ListActivitiesAsync(string? after, int size)
    {
        // An activity never calls its partner, so waiting here on its activities cannot wait on this grain in turn.
        var ids = await ListActivityIdsAsync(after, size);
        return await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IActivityGrain>(id).GetAsync()));
    }

    private PartnerView View() => new(PartnerId, State.Name, State.Contact, State.RegisteredAt, State.Activities.Count);

    private void EnsureRegistered()
    {
        if (!State.Registered)
        {
            throw new NotFoundException("partner", PartnerId);
        }
    }
}

/// <summary>The stored record of a partner organisation.</summary>
[GenerateSerializer, Alias("participatie.state.Partner")]
public sealed class PartnerState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    [Id(1)] public bool Registered { get; set; }

    [Id(2)] public string Name { get; set; } = string.Empty;

    [Id(3)] public string Contact { get; set; } = string.Empty;

    [Id(4)] public string RegisteredBy { get; set; } = string.Empty;

    [Id(5)] public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>The organisation's activity ids.</summary>
    [Id(6)] public List<string> Activities { get; set; } = [];
}
