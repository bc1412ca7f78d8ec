using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Platform;
using Participatie.Domain;
using Participatie.Domain.Benefits;
using Participatie.Domain.Experiments;
using Participatie.Domain.People;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Experiments;

/// <summary>
/// A trust experiment. It is the truth about who signed up (with which consent), who withdrew, and who was drawn into
/// which arm: the draw is made once from a recorded seed and algorithm and never changes. Each person's record learns
/// its place through a versioned membership from an outbox stored with the change (<see cref="ExperimentState.PendingMembers"/>),
/// delivered in batches after the write by the shared <see cref="Infrastructure.Outbox"/>.
/// </summary>
public sealed partial class ExperimentGrain(
    [PersistentState(StorageNames.Experiment, StorageNames.Provider)] IPersistentState<ExperimentState> record,
    IOptions<BenefitTable> benefits,
    IOptions<DateBounds> dates,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider time,
    ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain, IRemindable
{
    public const int MaxTitleLength = 100;
    private const int MaxActorLength = 100;
    private const int DeliveryBatch = 200;
    private const int DeliveryConcurrency = 16;

    /// <summary>What names a field of the experiment's design (<see cref="ExperimentDesign"/>): "Design.Title", "Design.arms[0].name".</summary>
    private const string DesignPrefix = "Design.";

    private Outbox? _outbox;

    private ExperimentState State => record.State;

    /// <summary>
    /// The people whose record must still learn its membership. A draw tells thousands: they are told in batches,
    /// several at once, and each batch's progress is stored, so that a restart goes on where it stopped.
    /// </summary>
    private Outbox Outbox => _outbox ??= new(new GrainOutboxHost(this), outboxOptions.Value, logger,
        [OutboxChannel.Of(new PendingList(() => State.PendingMembers), TellMemberAsync)],
        new OutboxRounds(DeliveryBatch, DeliveryConcurrency, SaveAsync));

    private string ExperimentId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Memberships stored before a crash may not have reached the people's records: deliver them now.
        Outbox.ResumeAfterActivation();
        return Task.CompletedTask;
    }

    public async Task<ExperimentView> CreateAsync(CreateExperimentCommand command)
    {
        var design = new Violations();
        design.Id(nameof(ExperimentId), ExperimentId, IdKind.Experiment);
        var title = design.Text(nameof(command.Title), command.Title, MaxTitleLength);
        if (title is not null && !TextRules.IsSingleLine(title))
        {
            design.Add(nameof(command.Title), "must be a single line");
        }

        var start = dates.Value.Day(design, nameof(command.Start), design.Date(nameof(command.Start), command.Start), Today.In(time));
        var end = dates.Value.Day(design, nameof(command.End), design.Date(nameof(command.End), command.End), Today.In(time));
        var normalised = Normalise(command);
        var candidate = DesignOf(normalised, start ?? end ?? DateOnly.MinValue, end ?? start ?? DateOnly.MinValue);
        ExperimentRules.Validate(design, candidate);
        var request = new Violations();
        var createdBy = request.Text(nameof(command.CreatedBy), command.CreatedBy, MaxActorLength);
        ThrowIfAny(design, request);

        var fingerprint = Fingerprint(normalised);
        if (State.Created)
        {
            if (State.Fingerprint != fingerprint)
            {
                throw new AlreadyExistsException("experiment", ExperimentId, $"experiment {ExperimentId} exists already with another design");
            }

            // Defining it again lists it, should the first definition have been stored before the directory heard of it.
            await ListInDirectoryAsync();
            return State.ToView(ExperimentId);
        }

        var missing = candidate.Arms.SelectMany(a => benefits.Value.MissingFor(a.Regime, candidate.Start)).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new PreconditionFailedException(
                Reasons.FigureNotConfigured,
                $"the arms need figures the benefit table does not have on {candidate.Start:yyyy-MM-dd}: {string.Join(", ", missing)} (Benefits:Entries)");
        }

        State.Created = true;
        State.Title = title!;
        State.Start = candidate.Start;
        State.End = candidate.End;
        State.Arms = [.. normalised.Arms.Select(a => new ArmRecord { Name = a.Name, Kind = a.Kind, Capacity = a.Capacity, Regime = RegimeSettingsRecord.Of(a.Regime.ToDomain()) })];
        State.Eligibility = new EligibilityRecord
        {
            MinimumAge = normalised.Eligibility.MinimumAge,
            MaximumAge = normalised.Eligibility.MaximumAge,
            Segments = [.. normalised.Eligibility.Segments],
            Neighbourhoods = [.. normalised.Eligibility.Neighbourhoods],
            HouseholdTypes = [.. normalised.Eligibility.HouseholdTypes],
        };
        State.Strata = [.. normalised.Strata];
        State.AgeBandStarts = [.. normalised.AgeBandStarts];
        State.Blocks = normalised.Blocks;
        State.CreatedBy = createdBy!;
        State.CreatedAt = time.GetUtcNow();
        State.Fingerprint = fingerprint;
        await SaveAsync();
        LogCreated(logger, ExperimentId, State.Arms.Count);
        await ListInDirectoryAsync();
        return State.ToView(ExperimentId);
    }

    /// <summary>Makes the experiment findable (ExperimentService.ListExperiments); adding it again changes nothing.</summary>
    private Task ListInDirectoryAsync() => GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).AddExperimentAsync(ExperimentId);

    public Task<ExperimentView> GetAsync()
    {
        EnsureCreated();
        return Task.FromResult(State.ToView(ExperimentId));
    }

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == Outbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
        }
    }

    private Task TellMemberAsync(string clientId) =>
        GrainFactory.GetGrain<IClientBenefitsGrain>(clientId).ApplyExperimentMembershipAsync(State.Participants[clientId].Membership(State, ExperimentId));

    private Task SaveAsync() => record.WriteOrDeactivateAsync(this);

    private void EnsureCreated()
    {
        if (!State.Created)
        {
            throw new NotFoundException("experiment", ExperimentId);
        }
    }

    /// <summary>Fills in what a caller may leave out: a minimum age of 27, the default age bands, one slot per arm.</summary>
    private static CreateExperimentCommand Normalise(CreateExperimentCommand command) => command with
    {
        Arms = [.. command.Arms],
        Eligibility = command.Eligibility with { MinimumAge = command.Eligibility.MinimumAge == 0 ? IntakeRules.MinimumAge : command.Eligibility.MinimumAge },
        AgeBandStarts = command.AgeBandStarts.Count == 0 ? [.. ExperimentDesign.DefaultAgeBandStarts] : [.. command.AgeBandStarts],
        Blocks = command.Blocks == BlockWeighting.Unspecified ? BlockWeighting.OneSlotPerArm : command.Blocks,
        CreatedBy = string.Empty,
    };

    private ExperimentDesign DesignOf(CreateExperimentCommand c, DateOnly start, DateOnly end) =>
        new(ExperimentMapping.NameOf(ExperimentId), start, end, [.. c.Arms.Select(a => new ExperimentArm(a.Name, a.Kind, a.Capacity, a.Regime.ToDomain()))], new EligibilityRules
        {
            MinimumAge = c.Eligibility.MinimumAge,
            MaximumAge = c.Eligibility.MaximumAge,
            Segments = c.Eligibility.Segments,
            Neighbourhoods = c.Eligibility.Neighbourhoods,
            HouseholdTypes = c.Eligibility.HouseholdTypes,
        })
        {
            Strata = c.Strata,
            AgeBandStarts = c.AgeBandStarts,
            Blocks = c.Blocks,
        };

    /// <summary>The design's fields are named as the design's (<see cref="DesignPrefix"/>); the others as they are.</summary>
    private static void ThrowIfAny(Violations design, Violations request)
    {
        if (design.Any || request.Any)
        {
            throw new InvalidInputException([
                .. design.Items.Select(v => new FieldError(DesignPrefix + v.Field, v.Description)),
                .. request.Items.Select(v => new FieldError(v.Field, v.Description)),
            ]);
        }
    }

    private static string Fingerprint(CreateExperimentCommand normalised) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(normalised))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Created experiment {ExperimentId} with {Arms} arms")]
    private static partial void LogCreated(ILogger logger, string experimentId, int arms);
}
