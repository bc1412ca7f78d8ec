using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Domain;
using Participatie.Domain.Benefits;
using Participatie.Domain.Participation;
using Participatie.Domain.People;
using Participatie.Domain.Regimes;
using Participatie.Domain.Reintegration;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Search;

namespace Participatie.Grains.Clients;

/// <summary>
/// One person on social assistance. The record is the truth about the person's coach and neighbourhood; coaches'
/// caseloads, neighbourhood figures and the person's row in the client directory (what lists and searches read) are
/// derived from it through versioned contributions sent from an outbox that is stored in the same write as the change
/// (see <see cref="Infrastructure.Outbox"/>). It also holds what the person's regime and benefit depend on
/// (trajectories, experiment memberships, income forms, measures) and the statements of paid months.
/// <para>
/// Callers see the person by concern, through one facet interface each: <see cref="IClientGrain"/> (intake and
/// estimate, this file), <see cref="IClientCaseGrain"/> (coach and the facts others ask: ClientGrain.Coach, .FollowUp,
/// .Rights, .Participation), <see cref="IClientContractGrain"/> (.Contract), <see cref="IClientRecordGrain"/> (.Record,
/// .Participation), <see cref="IClientBenefitsGrain"/> (.Regimes, .Benefits, .Experiments) and
/// <see cref="IClientRightsGrain"/> (.Rights, .Record). They are one class on purpose, not separate grains: the person's
/// record is one truth that every concern reads (a payment needs the regime, the regime the trajectories and the
/// experiment, access the coach and the team's consent), each change is stored with its outbox in one write, and
/// the facets of a key are one activation with one state (ClientFacetTests counts it: one read, one write per change).
/// Separate grains would split that record into several rows kept in step by messages between them.
/// </para>
/// </summary>
public sealed partial class ClientGrain(
    [PersistentState(StorageNames.Client, StorageNames.Provider)] IPersistentState<ClientState> record,
    IOptions<ReintegrationPolicy> policy,
    IOptions<RegimePolicy> regimes,
    IOptions<BenefitTable> benefits,
    IOptions<ParticipationPolicy> participation,
    IOptions<DateBounds> dates,
    IFaultPoints faults,
    TimeProvider time,
    IOptions<OutboxOptions> outboxOptions,
    IOptions<RetentionOptions> retention,
    IClientDirectoryStore directory,
    ILogger<ClientGrain> logger)
    : Grain, IClientGrain, IClientCaseGrain, IClientContractGrain, IClientRecordGrain, IClientBenefitsGrain, IClientRightsGrain, IRemindable
{
    private const string DirectoryReceiver = "client directory";

    private Outbox? _outbox;

    private ClientState State => record.State;

    /// <summary>The coaches, neighbourhoods and directory row that must still hear of the record's newest version.</summary>
    private Outbox Outbox => _outbox ??= new(new GrainOutboxHost(this), outboxOptions.Value, logger,
    [
        OutboxChannel.Of(new PendingList(() => State.PendingCoaches), SummaryForCoachesAsync, TellCoachAsync),
        OutboxChannel.Of(new PendingList(() => State.PendingNeighbourhoods), TellNeighbourhoodAsync),
        OutboxChannel.Of(new PendingFlag(DirectoryReceiver, () => State.PendingDirectory, pending => State.PendingDirectory = pending), _ => TellDirectoryAsync()),
    ]);

    private string ClientId => this.GetPrimaryKeyString();

    private RegimePolicy Regimes => regimes.Value;

    private BenefitTable Benefits => benefits.Value;

    private TimeProvider Time => time;

    private DateBounds Dates => dates.Value;

    /// <summary>The day the person's case began (their registration), and the first month paid to them.</summary>
    private (DateOnly Start, DateOnly? FirstPaid) CaseDates => (Today.Of(State.RegisteredAt), State.Statements.Count == 0 ? null : State.Statements.Min(s => s.Month));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A record from before the client directory existed sends its row the first time it is activated again (a read,
        // a payment run, the coach's daily check): until a later write stores InDirectory, each activation sends it
        // again, which the directory's "set if newer" ignores.
        if (State.Registered && !State.InDirectory)
        {
            State.PendingDirectory = true;
        }

        // A change stored before a crash may not have reached its coaches and neighbourhood.
        Outbox.ResumeAfterActivation();
        return Task.CompletedTask;
    }

    public async Task<ClientView> RegisterAsync(RegisterClientCommand command)
    {
        var fingerprint = Fingerprint(command);
        if (State.Registered)
        {
            if (command.RequestId is not null && command.RequestId == State.RequestId && fingerprint == State.RequestFingerprint)
            {
                return View();
            }

            throw new AlreadyExistsException("client", ClientId, command.RequestId is null
                ? $"client {ClientId} is already registered"
                : "request_id was used before for a different intake; use a new request_id");
        }

        var violations = new Violations();
        violations.Id(nameof(ClientId), ClientId, IdKind.Client);
        var today = Today.In(time);
        var intake = IntakeRules.Validate(
            violations,
            command.GivenName,
            command.FamilyName,
            command.DateOfBirth,
            command.HouseholdType,
            command.Postcode,
            command.NeighbourhoodId,
            command.Factors?.ToDomain(),
            today);
        var registeredBy = violations.Text(nameof(command.RegisteredBy), command.RegisteredBy, 100);
        violations.ThrowIfAny();

        var youth = IntakeRules.YouthPathwayReason(intake!.DateOfBirth, today);
        if (youth is not null)
        {
            throw new PreconditionFailedException(Reasons.YouthPathway, youth);
        }

        if (!await GrainFactory.GetGrain<INeighbourhoodGrain>(intake.NeighbourhoodId).ExistsAsync())
        {
            throw new NotFoundException("neighbourhood", intake.NeighbourhoodId);
        }

        var now = time.GetUtcNow();
        var estimate = ReintegrationEstimator.Estimate(policy.Value.ModelOn(today), intake.DateOfBirth, intake.Factors, today);

        State.Registered = true;
        State.RequestId = command.RequestId;
        State.RequestFingerprint = fingerprint;
        State.GivenName = intake.GivenName;
        State.FamilyName = intake.FamilyName;
        State.DateOfBirth = intake.DateOfBirth;
        State.HouseholdType = intake.HouseholdType;
        State.Postcode = intake.Postcode;
        State.NeighbourhoodId = intake.NeighbourhoodId;
        State.Factors = intake.Factors.ToRecord();
        State.Estimates.Add(estimate.ToRecord(now, registeredBy!));
        State.RegisteredAt = now;
        await CommitAsync(neighbourhoods: [intake.NeighbourhoodId]);
        LogRegistered(logger, ClientId, estimate.Segment);
        return View();
    }

    public Task<ClientView> GetAsync()
    {
        EnsureRegistered();
        return Task.FromResult(View());
    }

    public async Task<EstimateView> AssessAsync(FactorsData? factors, string assessedBy)
    {
        EnsureRegistered();
        var violations = new Violations();
        var checkedFactors = factors is null ? State.Factors.ToDomain() : ReintegrationFactorRules.Validate(violations, factors.ToDomain(), nameof(ClientState.Factors));
        var by = violations.Text(nameof(assessedBy), assessedBy, 100);
        violations.ThrowIfAny();

        var today = Today.In(time);
        var estimate = ReintegrationEstimator.Estimate(policy.Value.ModelOn(today), State.DateOfBirth, checkedFactors!, today);
        State.Factors = checkedFactors!.ToRecord();
        State.Estimates.Add(estimate.ToRecord(time.GetUtcNow(), by!));
        await CommitAsync(neighbourhoods: [State.NeighbourhoodId], coaches: CurrentCoach());
        return State.Estimates[^1].ToView();
    }

    public async Task<EstimateView> OverrideEstimateAsync(int months, string reason, string coachId)
    {
        EnsureRegistered();
        var violations = new Violations();
        var checkedReason = EstimateOverrideRules.Validate(violations, months, reason);
        violations.Id(nameof(coachId), coachId, IdKind.Coach);
        violations.ThrowIfAny();

        if (State.Estimates.Count == 0)
        {
            throw new PreconditionFailedException(Reasons.NotAssessed, "there is no estimate to override yet");
        }

        if (State.CoachId != coachId)
        {
            throw new PreconditionFailedException(Reasons.NotInCaseload, $"only the person's own coach can override the estimate; {coachId} is not their coach");
        }

        var current = State.Estimates[^1];
        State.Estimates.Add(new EstimateRecord
        {
            Months = months,
            ComputedMonths = current.ComputedMonths,
            Contributions = current.Contributions,
            CutMonths = current.CutMonths,
            Segment = ReintegrationEstimator.Place(months, current.CutMonths),
            Model = current.Model,
            ModelEffectiveFrom = current.ModelEffectiveFrom,
            Overridden = true,
            OverrideReason = checkedReason,
            OverriddenBy = coachId,
            AssessedAt = time.GetUtcNow(),
            AssessedBy = coachId,
        });
        await CommitAsync(neighbourhoods: [State.NeighbourhoodId], coaches: CurrentCoach());
        return State.Estimates[^1].ToView();
    }

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == RetentionReminder)
        {
            await CheckRetentionAsync();
        }
        else if (reminderName == Outbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
        }
    }

    private void EnsureRegistered()
    {
        if (!State.Registered)
        {
            throw new NotFoundException("client", ClientId);
        }
    }

    /// <summary>
    /// Stores the change with a new version and the list of coaches and neighbourhoods that must hear of it (and the
    /// client directory, which hears of every change), in one write; then tells them. A failed write leaves memory ahead of storage, so the activation is dropped and the
    /// next call reads the stored record again.
    /// </summary>
    private async Task CommitAsync(string[] neighbourhoods, string[]? coaches = null)
    {
        State.Version++;
        State.PendingDirectory = true;
        foreach (var id in neighbourhoods)
        {
            State.PendingNeighbourhoods.AddOnce(id);
        }

        foreach (var id in coaches ?? [])
        {
            State.PendingCoaches.AddOnce(id);
        }

        await SaveAsync();
        faults.Hit(FaultPoint.BeforeDelivery);
        await Outbox.DeliverAsync();
    }

    private Task SaveAsync() => record.WriteOrDeactivateAsync(this);

    /// <summary>What each coach is sent of the person; worked out once for all coaches of a delivery.</summary>
    private async Task<CaseloadSummary> SummaryForCoachesAsync() => State.Summary() with { ContactIntervalDays = await ContactIntervalAsync() };

    private Task TellCoachAsync(CaseloadSummary summary, string coachId) =>
        GrainFactory.GetGrain<ICoachGrain>(coachId).ApplyAsync(new CaseloadContribution(ClientId, State.Version, State.CoachId == coachId, summary));

    private Task TellNeighbourhoodAsync(string neighbourhoodId) =>
        GrainFactory.GetGrain<INeighbourhoodGrain>(neighbourhoodId).ApplyAsync(ResidentContributionTo(neighbourhoodId));

    private async Task TellDirectoryAsync()
    {
        await directory.UpsertAsync(State.DirectoryRow(ClientId));
        State.InDirectory = true;
    }

    private static string Fingerprint(RegisterClientCommand command) => RequestFingerprint.Of(command with { RequestId = null });

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered client {ClientId} in segment {Segment}")]
    private static partial void LogRegistered(ILogger logger, string clientId, Segment segment);
}
