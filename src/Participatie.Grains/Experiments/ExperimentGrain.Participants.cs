using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Regimes;
using Participatie.Domain;
using Participatie.Domain.Experiments;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Experiments;

/// <summary>Who takes part: sign-ups with their consent, withdrawals (which stand), and each person's place.</summary>
public sealed partial class ExperimentGrain
{
    public async Task<AssignmentView> SignUpAsync(SignUpCommand command)
    {
        var violations = new Violations();
        var clientId = violations.Id(nameof(command.ClientId), command.ClientId, IdKind.Client);
        var consent = ConsentRules.Check(violations, nameof(command.Consent), command.Consent, time.GetUtcNow(), dates.Value);
        var recordedBy = violations.Text(nameof(command.RecordedBy), command.RecordedBy, MaxActorLength);
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
            throw InvalidInputException.For($"{nameof(command.Consent)}.{nameof(ConsentData.Text)}", $"differs from the text recorded for version {consent.Version}: a changed text needs a new version");
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
        violations.Id(nameof(clientId), clientId, IdKind.Client);
        var by = violations.Text(nameof(recordedBy), recordedBy, MaxActorLength);
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

    public Task<AssignmentView> GetAssignmentAsync(string clientId)
    {
        RequireClientId(clientId);
        return Task.FromResult(Participant(clientId).ToView(State, ExperimentId, clientId));
    }

    private ParticipantRecord Participant(string clientId)
    {
        EnsureCreated();
        return State.Participants.GetValueOrDefault(clientId) ?? throw new NotFoundException("participant", clientId);
    }

    private static void RequireClientId(string clientId)
    {
        var violations = new Violations();
        violations.Id(nameof(clientId), clientId, IdKind.Client);
        violations.ThrowIfAny();
    }
}
