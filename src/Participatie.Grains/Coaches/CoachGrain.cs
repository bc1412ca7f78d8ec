using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Platform;
using Participatie.Domain;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Platform;

namespace Participatie.Grains.Coaches;

/// <summary>
/// A coach and their caseload. The caseload is derived from the people's records: each person tells the coach
/// "in your caseload" or "not" with a version, and the coach keeps the newest. A place is reserved before a person
/// commits to the coach, so the limit holds; a reservation the person never confirmed is checked with them after
/// <see cref="CaseloadOptions.ReservationTimeout"/> and dropped. A reminder runs these checks, so they survive restarts.
/// </summary>
public sealed partial class CoachGrain(
    [PersistentState(StorageNames.Coach, StorageNames.Provider)] IPersistentState<CoachState> record,
    IOptions<CaseloadOptions> options,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider time,
    ILogger<CoachGrain> logger) : Grain, ICoachGrain, IRemindable
{
    public const string ReconcileReminder = "caseload-check";

    private PlatformReport? _platformReport;
    private Outbox? _outbox;

    private CoachState State => record.State;

    /// <summary>The platform's status must hear of every change of the caseload's figures.</summary>
    private PlatformReport PlatformReport => _platformReport ??= new(() => State.Created ? State.FiguresVersion : null);

    private Outbox Outbox => _outbox ??= new(new GrainOutboxHost(this), outboxOptions.Value, logger,
    [
        OutboxChannel.Of(PlatformReport, TellPlatformAsync),
    ]);

    private string CoachId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Once per activation (in a turn of its own), so that a change stored just before a crash reaches the status.
        Outbox.ResumeAfterActivation();
        return Task.CompletedTask;
    }

    public async Task<CoachView> CreateAsync(CreateCoachCommand command)
    {
        var fingerprint = RequestFingerprint.Of(command with { RequestId = null });
        if (State.Created)
        {
            if (command.RequestId is not null && command.RequestId == State.RequestId && (State.RequestFingerprint ?? fingerprint) == fingerprint)
            {
                return View();
            }

            throw new AlreadyExistsException("coach", CoachId, command.RequestId is not null && command.RequestId == State.RequestId
                ? "request_id was used before for a different coach; use a new request_id"
                : $"coach {CoachId} exists already");
        }

        var violations = new Violations();
        violations.Id(nameof(CoachId), CoachId, IdKind.Coach);
        var name = violations.Line(nameof(command.DisplayName), command.DisplayName, 100);
        var limit = command.CaseloadLimit == 0 ? options.Value.DefaultLimit : command.CaseloadLimit;
        violations.Range(nameof(command.CaseloadLimit), limit, 1, options.Value.MaximumLimit);
        violations.Id(nameof(command.NeighbourhoodId), command.NeighbourhoodId, IdKind.Neighbourhood, required: false);
        violations.ThrowIfAny();

        State.Created = true;
        State.RequestId = command.RequestId;
        State.RequestFingerprint = fingerprint;
        State.DisplayName = name!;
        State.CaseloadLimit = limit;
        State.NeighbourhoodId = string.IsNullOrEmpty(command.NeighbourhoodId) ? null : command.NeighbourhoodId;
        State.CreatedAt = time.GetUtcNow();
        State.LastFullReconcile = State.CreatedAt;
        await SaveCaseloadAsync();
        await GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKeys.Platform).AddCoachAsync(CoachId);
        await this.RegisterOrUpdateReminder(ReconcileReminder, options.Value.ReconcileInterval, options.Value.ReconcileInterval);
        return View();
    }

    public Task<CoachView> GetAsync()
    {
        EnsureCreated();
        return Task.FromResult(View());
    }

    public Task<CaseloadPage> GetCaseloadAsync(string? after, int pageSize)
    {
        EnsureCreated();
        var entries = State.Entries
            .Where(e => e.Value.Counts && (after is null || string.CompareOrdinal(e.Key, after) > 0))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .Select(e => new CaseloadEntryView(
                e.Key,
                new CaseloadSummary(e.Value.DisplayName, e.Value.NeighbourhoodId, e.Value.Segment),
                e.Value.Status == EntryStatus.Reserved,
                e.Value.AssignedAt))
            .ToList();
        var next = entries.Count > pageSize ? entries[pageSize - 1].ClientId : null;
        return Task.FromResult(new CaseloadPage(View(), entries.Take(pageSize).ToList(), next));
    }

    public async Task ReserveAsync(string clientId, long version, CaseloadSummary summary)
    {
        EnsureCreated();
        var now = time.GetUtcNow();
        if (State.Entries.TryGetValue(clientId, out var existing) && existing.Counts)
        {
            if (existing.Status == EntryStatus.Active && existing.Version >= version)
            {
                return;
            }
        }
        else if (CaseloadSize >= State.CaseloadLimit)
        {
            throw new PreconditionFailedException(
                Reasons.CaseloadFull,
                $"the caseload of coach {CoachId} is full ({State.CaseloadLimit} people); raise the limit or choose another coach");
        }

        State.Entries[clientId] = Entry(version, EntryStatus.Reserved, summary, now, existing?.Counts == true ? existing.AssignedAt : now, existing);
        await SaveCaseloadAsync();
    }

    public async Task ApplyAsync(CaseloadContribution contribution)
    {
        // A contribution for a coach that was never created is dropped: no place was ever reserved here.
        if (State.Created && Supersedes(contribution.ClientId, contribution.Version))
        {
            var joins = contribution.InCaseload && State.Entries.GetValueOrDefault(contribution.ClientId)?.Status != EntryStatus.Active;
            Set(contribution.ClientId, contribution.Version, contribution.InCaseload, contribution.Summary);
            if (joins)
            {
                AddToInbox(InboxItemKind.Assigned, contribution.ClientId, "added to your caseload");
            }

            await SaveCaseloadAsync();
            if (joins)
            {
                WakeWatchers();
            }
        }
    }

    public async Task<ReconcileResult> ReconcileAsync(bool includeConfirmed)
    {
        EnsureCreated();
        var now = time.GetUtcNow();
        var toCheck = State.Entries
            .Where(e => (e.Value.Status == EntryStatus.Reserved && now - e.Value.ChangedAt >= options.Value.ReservationTimeout)
                || (includeConfirmed && e.Value.Status == EntryStatus.Active))
            .Select(e => e.Key)
            .ToList();

        int confirmed = 0, removed = 0;
        foreach (var clientId in toCheck)
        {
            // The person's record is the truth. It answers even while busy (always-interleave), so this cannot
            // deadlock with a person who is at this moment reserving a place here.
            var assignment = await GrainFactory.GetGrain<IClientCaseGrain>(clientId).GetCoachAssignmentAsync();
            var entry = State.Entries[clientId];
            if (assignment.CoachId == CoachId)
            {
                if (entry.Status != EntryStatus.Active || entry.Version != assignment.Version)
                {
                    Set(clientId, Math.Max(entry.Version, assignment.Version), inCaseload: true, assignment.Summary);
                    confirmed++;
                }
            }
            else if (entry.Counts)
            {
                // Not ours. If the person never committed the reserved version, mark one below it, so that a
                // commit still on its way (at the reserved version) is accepted when it arrives.
                var marker = assignment.Version >= entry.Version ? assignment.Version : entry.Version - 1;
                Set(clientId, marker, inCaseload: false, summary: null);
                removed++;
            }
        }

        if (includeConfirmed)
        {
            State.LastFullReconcile = now;
        }

        if (confirmed + removed > 0)
        {
            await SaveCaseloadAsync();
        }
        else if (includeConfirmed)
        {
            await record.WriteStateAsync();
        }

        if (confirmed + removed > 0)
        {
            LogReconciled(logger, CoachId, toCheck.Count, confirmed, removed);
        }

        return new ReconcileResult(toCheck.Count, confirmed, removed);
    }

    public Task<CoachFigures?> GetFiguresAsync() => Task.FromResult(State.Created ? PlatformFigures() : null);

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName == Outbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
        }
        else if (reminderName == ReconcileReminder && State.Created)
        {
            var full = time.GetUtcNow() - State.LastFullReconcile >= options.Value.FullReconcileInterval;
            await ReconcileAsync(full);
            if (time.GetUtcNow() - State.LastFollowUpCheck >= options.Value.FollowUpCheckInterval)
            {
                await CheckFollowUpsAsync();
            }
        }
    }

    private int CaseloadSize => State.Entries.Values.Count(e => e.Counts);

    /// <summary>Stores a change of the caseload with a new version of its figures, then tells the platform's status.</summary>
    private async Task SaveCaseloadAsync()
    {
        State.FiguresVersion++;
        await record.WriteStateAsync();
        await Outbox.DeliverAsync();
    }

    private async Task TellPlatformAsync(string platform)
    {
        var figures = PlatformFigures();
        await GrainFactory.GetGrain<IPlatformStatusGrain>(platform).ReportCoachAsync(figures);
        PlatformReport.Heard(figures.Version);
    }

    private CoachFigures PlatformFigures() => new(CoachId, State.FiguresVersion, State.CaseloadLimit, CaseloadSize);

    /// <summary>Newer versions win; at the same version a committed contribution beats a reservation.</summary>
    private bool Supersedes(string clientId, long version) =>
        !State.Entries.TryGetValue(clientId, out var existing)
        || version > existing.Version
        || (version == existing.Version && existing.Status == EntryStatus.Reserved);

    private void Set(string clientId, long version, bool inCaseload, CaseloadSummary? summary)
    {
        var now = time.GetUtcNow();
        State.Entries.TryGetValue(clientId, out var existing);
        var assignedAt = existing?.Counts == true ? existing.AssignedAt : now;
        State.Entries[clientId] = Entry(version, inCaseload ? EntryStatus.Active : EntryStatus.Removed, summary, now, assignedAt, existing);
    }

    private static CaseloadEntryRecord Entry(
        long version,
        EntryStatus status,
        CaseloadSummary? summary,
        DateTimeOffset now,
        DateTimeOffset assignedAt,
        CaseloadEntryRecord? previous = null) => new()
        {
            Version = version,
            Status = status,
            // A removed entry keeps only its version: no name is held for people who left the caseload.
            DisplayName = status == EntryStatus.Removed ? string.Empty : summary?.DisplayName ?? previous?.DisplayName ?? string.Empty,
            NeighbourhoodId = status == EntryStatus.Removed ? string.Empty : summary?.NeighbourhoodId ?? previous?.NeighbourhoodId ?? string.Empty,
            Segment = summary?.Segment ?? previous?.Segment ?? default,
            ChangedAt = now,
            AssignedAt = assignedAt,
            LastContactOn = status == EntryStatus.Removed ? null : summary is null ? previous?.LastContactOn : summary.LastContactOn,
            ContactIntervalDays = status == EntryStatus.Removed ? null : summary?.ContactIntervalDays ?? previous?.ContactIntervalDays,
            OverdueRaisedFor = status == EntryStatus.Removed ? null : previous?.OverdueRaisedFor,
        };

    private void EnsureCreated()
    {
        if (!State.Created)
        {
            throw new NotFoundException("coach", CoachId);
        }
    }

    private CoachView View() =>
        new(CoachId, State.DisplayName, State.CaseloadLimit, CaseloadSize, State.NeighbourhoodId, State.CreatedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Coach {CoachId} reconciled {Checked} entries: {Confirmed} confirmed, {Removed} removed")]
    private static partial void LogReconciled(ILogger logger, string coachId, int @checked, int confirmed, int removed);
}
