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
        design.Id("experiment_id", ExperimentId, IdKind.Experiment);
        var title = design.Text("title", command.Title, MaxTitleLength);
        if (title is not null && !TextRules.IsSingleLine(title))
        {
            design.Add("title", "must be a single line");
        }

        var start = dates.Value.Day(design, "start", design.Date("start", command.Start), Today.In(time));
        var end = dates.Value.Day(design, "end", design.Date("end", command.End), Today.In(time));
        var normalised = Normalise(command);
        var candidate = DesignOf(normalised, start ?? end ?? DateOnly.MinValue, end ?? start ?? DateOnly.MinValue);
        ExperimentRules.Validate(design, candidate);
        var request = new Violations();
        var createdBy = request.Text("created_by", command.CreatedBy, MaxActorLength);
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

    public async Task<AssignmentView> SignUpAsync(SignUpCommand command)
    {
        var violations = new Violations();
        var clientId = violations.Id("client_id", command.ClientId, IdKind.Client);
        var consent = ConsentRules.Check(violations, "consent", command.Consent, time.GetUtcNow(), dates.Value);
        var recordedBy = violations.Text("recorded_by", command.RecordedBy, MaxActorLength);
        violations.ThrowIfAny();
        EnsureCreated();

        if (State.Participants.TryGetValue(clientId!, out var existing))
        {
            return existing.WithdrawnOn is { } on
                ? throw new PreconditionFailedException(Reasons.Withdrawn, $"the person withdrew from experiment {ExperimentId} on {on:yyyy-MM-dd}; a withdrawal stands")
                : existing.ToView(State, ExperimentId, clientId!);
        }

        var today = Today.In(time);
        EnsureNotDrawnOrEnded(today);
        if (State.ConsentTexts.TryGetValue(consent!.Version, out var text) && text != consent.Text)
        {
            throw InvalidInputException.For("consent.text", $"differs from the text recorded for version {consent.Version}: a changed text needs a new version");
        }

        var client = GrainFactory.GetGrain<IClientBenefitsGrain>(clientId!);
        var facts = await client.GetExperimentCandidateAsync();
        var participant = new ParticipantRecord
        {
            DateOfBirth = facts.DateOfBirth,
            Segment = facts.Segment,
            NeighbourhoodId = facts.NeighbourhoodId,
            HouseholdType = facts.HouseholdType,
            ConsentVersion = consent.Version,
            ConsentGivenAt = consent.GivenAt,
            SignedUpAt = time.GetUtcNow(),
            RecordedBy = recordedBy!,
            Version = 1,
        };
        var reasons = Eligibility.Reasons(State.Eligibility.ToDomain(), ExperimentMapping.Candidate(clientId!, participant), today);
        if (reasons.Count > 0)
        {
            throw new PreconditionFailedException(Reasons.NotEligible, $"not eligible for experiment {ExperimentId}: the person {string.Join("; ", reasons)}");
        }

        await client.EnrolInExperimentAsync(new ExperimentEnrolment(ExperimentId, State.Start, State.End));
        State.Participants[clientId!] = participant;
        State.ConsentTexts[consent.Version] = consent.Text;
        await SaveAsync();
        return participant.ToView(State, ExperimentId, clientId!);
    }

    public async Task<AssignmentView> WithdrawAsync(string clientId, string recordedBy)
    {
        var violations = new Violations();
        violations.Id("client_id", clientId, IdKind.Client);
        var by = violations.Text("recorded_by", recordedBy, MaxActorLength);
        violations.ThrowIfAny();
        var participant = Participant(clientId);

        if (participant.WithdrawnOn is null)
        {
            participant.WithdrawnOn = Today.In(time);
            participant.WithdrawnBeforeDraw = State.Draw is null;
            participant.WithdrawalRecordedBy = by;
            participant.Version++;
            State.PendingMembers.AddOnce(clientId);
            await SaveAsync();
            await Outbox.RegisterBackstopAsync();
            await Outbox.DeliverAsync();
        }

        return participant.ToView(State, ExperimentId, clientId);
    }

    public async Task<ExperimentView> DrawAsync(DrawCommand command)
    {
        var violations = new Violations();
        var algorithm = string.IsNullOrEmpty(command.Algorithm) ? Lottery.BlockedStrataV1 : command.Algorithm;
        if (!Lottery.Algorithms.Contains(algorithm))
        {
            violations.Add("algorithm", $"must be one of {string.Join(", ", Lottery.Algorithms)}");
        }

        var drawnBy = violations.Text("drawn_by", command.DrawnBy, MaxActorLength);
        violations.ThrowIfAny();
        EnsureCreated();
        var today = Today.In(time);
        EnsureNotDrawnOrEnded(today);

        var candidates = Candidates().ToList();
        if (candidates.Count == 0)
        {
            throw new PreconditionFailedException(Reasons.NoSignUps, $"nobody is signed up for experiment {ExperimentId} (or everyone withdrew): there is nobody to draw");
        }

        var seed = command.Seed ?? Lottery.NewSeed();
        var result = Lottery.Draw(State.Design(ExperimentId), seed, algorithm, today, candidates);
        foreach (var assignment in result.Assignments)
        {
            State.Participants[assignment.ParticipantId].Arm = assignment.Arm;
            State.Participants[assignment.ParticipantId].Stratum = assignment.Stratum;
        }

        foreach (var waiting in result.WaitingList)
        {
            State.Participants[waiting.ParticipantId].WaitingListPosition = waiting.Position;
            State.Participants[waiting.ParticipantId].Stratum = waiting.Stratum;
        }

        foreach (var ineligible in result.Ineligible)
        {
            State.Participants[ineligible.ParticipantId].IneligibleReasons = [.. ineligible.Reasons];
        }

        foreach (var candidate in candidates)
        {
            State.Participants[candidate.ParticipantId].Version++;
        }

        State.Draw = new DrawRecord
        {
            Algorithm = algorithm,
            Seed = seed,
            SeedGenerated = command.Seed is null,
            DrawDate = today,
            DrawnAt = time.GetUtcNow(),
            DrawnBy = drawnBy!,
            Candidates = candidates.Count,
            Assigned = result.Assignments.Count,
            WaitingList = result.WaitingList.Count,
            Ineligible = result.Ineligible.Count,
        };
        State.PendingMembers = [.. candidates.Select(c => c.ParticipantId)];
        await SaveAsync();
        LogDrawn(logger, ExperimentId, algorithm, seed, candidates.Count, result.Assignments.Count);
        await Outbox.RegisterBackstopAsync();
        Outbox.DeliverSoon();
        return State.ToView(ExperimentId);
    }

    public Task<DrawVerification> VerifyDrawAsync()
    {
        var draw = EnsureDrawn();
        var again = Lottery.Draw(State.Design(ExperimentId), draw.Seed, draw.Algorithm, draw.DrawDate, Candidates());
        var arms = again.Assignments.ToDictionary(a => a.ParticipantId);
        var waiting = again.WaitingList.ToDictionary(w => w.ParticipantId);
        var ineligible = again.Ineligible.Select(i => i.ParticipantId).ToHashSet();
        var compared = 0;
        var differences = 0;
        foreach (var (id, p) in State.Participants.Where(p => !p.Value.WithdrawnBeforeDraw))
        {
            compared++;
            var same = arms.TryGetValue(id, out var a)
                ? a.Arm == p.Arm && a.Stratum == p.Stratum
                : waiting.TryGetValue(id, out var w)
                    ? p.Arm is null && w.Position == p.WaitingListPosition
                    : ineligible.Contains(id) && p.Arm is null && p.WaitingListPosition is null;
            differences += same ? 0 : 1;
        }

        return Task.FromResult(new DrawVerification(differences == 0 && compared == draw.Candidates, compared, differences, draw.ToView()));
    }

    public Task<AssignmentView> GetAssignmentAsync(string clientId)
    {
        RequireClientId(clientId);
        return Task.FromResult(Participant(clientId).ToView(State, ExperimentId, clientId));
    }

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == Outbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
        }
    }

    /// <summary>Everyone in the draw: signed up and not withdrawn before it, with what they signed up with.</summary>
    private IEnumerable<Candidate> Candidates() =>
        State.Participants.Where(p => !p.Value.WithdrawnBeforeDraw).Select(p => ExperimentMapping.Candidate(p.Key, p.Value));

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

    private DrawRecord EnsureDrawn()
    {
        EnsureCreated();
        return State.Draw ?? throw new PreconditionFailedException(Reasons.NotDrawn, $"the lottery of experiment {ExperimentId} has not been drawn yet");
    }

    private void EnsureNotDrawnOrEnded(DateOnly today)
    {
        if (State.Draw is { } draw)
        {
            throw new PreconditionFailedException(
                Reasons.AlreadyDrawn,
                $"the lottery of experiment {ExperimentId} was drawn on {draw.DrawDate:yyyy-MM-dd} ({draw.Algorithm}, seed {draw.Seed}); an assignment never changes");
        }

        if (today > State.End)
        {
            throw new PreconditionFailedException(Reasons.ExperimentEnded, $"experiment {ExperimentId} ended on {State.End:yyyy-MM-dd}");
        }
    }

    private ParticipantRecord Participant(string clientId)
    {
        EnsureCreated();
        return State.Participants.GetValueOrDefault(clientId) ?? throw new NotFoundException("participant", clientId);
    }

    private static void RequireClientId(string clientId)
    {
        var violations = new Violations();
        violations.Id("client_id", clientId, IdKind.Client);
        violations.ThrowIfAny();
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

    /// <summary>The design's fields sit under <c>design.</c> in the request; the others at the top.</summary>
    private static void ThrowIfAny(Violations design, Violations request)
    {
        if (design.Any || request.Any)
        {
            throw new InvalidInputException([
                .. design.Items.Select(v => new FieldError("design." + v.Field, v.Description)),
                .. request.Items.Select(v => new FieldError(v.Field, v.Description)),
            ]);
        }
    }

    private static string Fingerprint(CreateExperimentCommand normalised) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(normalised))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Created experiment {ExperimentId} with {Arms} arms")]
    private static partial void LogCreated(ILogger logger, string experimentId, int arms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drew experiment {ExperimentId} with {Algorithm}, seed {Seed}: {Candidates} candidates, {Assigned} assigned")]
    private static partial void LogDrawn(ILogger logger, string experimentId, string algorithm, ulong seed, int candidates, int assigned);
}
