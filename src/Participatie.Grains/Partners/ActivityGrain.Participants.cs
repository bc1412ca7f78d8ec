using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Domain.Participation;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Partners;

/// <summary>Who takes part: the person's agreement, the partner's enrolment under a reference that tells nothing about them, and what each person's record is told.</summary>
public sealed partial class ActivityGrain
{
    public async Task<EnrolmentView> AgreeAsync(string clientId, string recordedBy)
    {
        var violations = new Violations();
        violations.Id(nameof(clientId), clientId, IdKind.Client);
        var by = violations.Text(nameof(recordedBy), recordedBy, MaxActorLength);
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
        ChangeOffer(State.NeighbourhoodId);
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
        ChangeOffer(State.NeighbourhoodId);
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

    /// <summary>Sends the person their current contribution; their record keeps the newest version.</summary>
    private Task TellClientAsync(string clientId) =>
        GrainFactory.GetGrain<IClientRecordGrain>(clientId).ApplyParticipationAsync(State.Participants[clientId].ToContribution(ActivityId, State.Type));

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
            violations.Add(nameof(RecordHoursCommand.Reference), "is required");
        }
        else if (!ReferenceFormat().IsMatch(reference))
        {
            violations.Add(nameof(RecordHoursCommand.Reference), "must be a participant reference as this API lists it: \"pr-\" and 12 characters of [0-9a-f]");
        }
    }

    [GeneratedRegex(@"^pr-[0-9a-f]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceFormat();
}
