using Microsoft.Extensions.Logging;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Partners;
using Participatie.Domain.Rights;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Clients;

/// <summary>
/// The person's rights on their own record: who may see it (the team only with their agreement), the end of the case
/// and the retention period after it, legal holds, anonymisation, and the BSN kept for payment only.
/// </summary>
public sealed partial class ClientGrain
{
    public const string RetentionReminder = "retention";

    public Task<AccessFacts> GetAccessFactsAsync() =>
        Task.FromResult(State.Registered
            ? new AccessFacts(true, State.CoachId, State.NeighbourhoodId, State.TeamInvolvement)
            : new AccessFacts(false, null, null, false));

    public async Task<ClientView> SetTeamInvolvementAsync(bool agreed)
    {
        EnsureRegistered();
        EnsureNotAnonymised();
        if (State.TeamInvolvement != agreed)
        {
            State.TeamInvolvement = agreed;
            State.TeamInvolvementAt = time.GetUtcNow();
            await CommitAsync(neighbourhoods: []);
        }

        return View();
    }

    public async Task<CaseEnd> EndCaseAsync(DateOnly endedOn, string reason)
    {
        EnsureRegistered();
        EnsureCaseOpen();
        var violations = new Violations();
        var end = EndOfCase.Check(violations, endedOn, reason, Today.In(time), DateOnly.FromDateTime(State.RegisteredAt.UtcDateTime));
        violations.ThrowIfAny();

        var coach = State.CoachId;
        State.CoachId = null;
        State.CaseEndedOn = end!.EndedOn;
        State.CaseEndReason = end.Reason;
        await CommitAsync(neighbourhoods: [State.NeighbourhoodId], coaches: coach is null ? [] : [coach]);
        await ScheduleRetentionAsync();
        return new CaseEnd(View(), Retention.AnonymiseOn(end.EndedOn));
    }

    public async Task<ClientView> SetLegalHoldAsync(bool hold, string reason)
    {
        EnsureRegistered();
        EnsureNotAnonymised();
        var violations = new Violations();
        var legalHold = LegalHold.Check(violations, hold, reason);
        violations.ThrowIfAny();
        State.LegalHold = legalHold!.Hold;
        State.LegalHoldReason = legalHold.Reason;
        await CommitAsync(neighbourhoods: []);
        if (!hold && State.CaseEndedOn is not null)
        {
            await ScheduleRetentionAsync();
        }

        return View();
    }

    public async Task<ClientView> SetEncryptedBsnAsync(string encryptedBsn)
    {
        EnsureRegistered();
        EnsureNotAnonymised();
        State.EncryptedBsn = encryptedBsn;
        await CommitAsync(neighbourhoods: []);
        return View();
    }

    public Task<string?> GetEncryptedBsnAsync() => Task.FromResult(State.Registered ? State.EncryptedBsn : null);

    /// <summary>How long the record is kept after its case ended (configuration section <c>Retention</c>).</summary>
    private Retention Retention => new(retention.Value.AfterCaseEnd);

    /// <summary>A reminder wakes the record when it is due (and then daily while a legal hold keeps it).</summary>
    private async Task ScheduleRetentionAsync() =>
        await this.RegisterOrUpdateReminder(RetentionReminder, Retention.WaitFrom(State.CaseEndedOn!.Value, time.GetUtcNow()), retention.Value.CheckInterval);

    private async Task CheckRetentionAsync()
    {
        if (!State.Registered || State.CaseEndedOn is null || State.AnonymisedAt is not null)
        {
            await UnregisterRetentionAsync();
            return;
        }

        if (!Retention.IsDue(State.CaseEndedOn.Value, State.LegalHold, time.GetUtcNow()))
        {
            return;
        }

        // First the first name partners' activities keep: if one cannot be reached, the reminder tries it all again.
        foreach (var activityId in State.Participation.Keys)
        {
            await GrainFactory.GetGrain<IActivityGrain>(activityId).AnonymiseParticipantAsync(ClientId);
        }

        Anonymise();
        await CommitAsync(neighbourhoods: [State.NeighbourhoodId]);
        await UnregisterRetentionAsync();
        LogAnonymised(logger, ClientId);
    }

    /// <summary>
    /// Removes what identifies the person and keeps what statistics need: the neighbourhood, household type, birth
    /// year, factors and estimates (without free-text reasons), and of the contract and the record
    /// their domains, statuses, dates, scores and contact types (without anyone's words). The id stays, so figures and audit records still add up.
    /// </summary>
    private void Anonymise()
    {
        State.GivenName = "";
        State.FamilyName = "";
        State.DateOfBirth = new DateOnly(State.DateOfBirth.Year, 1, 1);
        State.Postcode = "";
        State.EncryptedBsn = null;
        State.CaseEndReason = null;
        State.RequestId = null;
        State.RequestFingerprint = null;
        foreach (var estimate in State.Estimates.Where(e => e.Overridden))
        {
            estimate.OverrideReason = "";
        }

        AnonymiseContract();
        AnonymiseRecord();

        State.AnonymisedAt = time.GetUtcNow();
    }

    private async Task UnregisterRetentionAsync()
    {
        var reminder = await this.GetReminder(RetentionReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void EnsureCaseOpen()
    {
        EnsureNotAnonymised();
        if (State.CaseEndedOn is not null)
        {
            throw new PreconditionFailedException(Reasons.CaseEnded, $"the case of client {ClientId} ended on {State.CaseEndedOn:yyyy-MM-dd}");
        }
    }

    private void EnsureNotAnonymised()
    {
        if (State.AnonymisedAt is not null)
        {
            throw new PreconditionFailedException(Reasons.Anonymised, $"the record of client {ClientId} was anonymised after its retention period");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Anonymised client {ClientId} after the retention period")]
    private static partial void LogAnonymised(ILogger logger, string clientId);
}
