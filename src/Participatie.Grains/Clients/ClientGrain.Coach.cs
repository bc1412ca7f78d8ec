using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Errors;
using Participatie.Domain;
using Participatie.Domain.Validation;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Clients;

/// <summary>The person's coach: an assignment holds a place with the new coach before it is stored (a full caseload stops it there), and the record tells both coaches.</summary>
public sealed partial class ClientGrain
{
    public async Task<string?> AssignCoachAsync(string coachId)
    {
        EnsureRegistered();
        var violations = new Violations();
        violations.Id(nameof(coachId), coachId, IdKind.Coach);
        violations.ThrowIfAny();

        EnsureCaseOpen();
        var previous = State.CoachId;
        if (previous == coachId)
        {
            // Already assigned: make sure the coach knows, then answer as the first time.
            await Outbox.DeliverAsync();
            return null;
        }

        // First hold a place with the new coach (this is where a full caseload stops us, before anything changes
        // here), then commit. If we fail in between, the coach finds the unconfirmed place and checks it with us.
        var version = State.Version + 1;
        await GrainFactory.GetGrain<ICoachGrain>(coachId).ReserveAsync(ClientId, version, State.Summary());
        faults.Hit(FaultPoint.AssignAfterReserve);

        State.CoachId = coachId;
        await CommitAsync(neighbourhoods: [State.NeighbourhoodId], coaches: previous is null ? [coachId] : [coachId, previous]);
        return previous;
    }

    public async Task ReleaseCoachAsync(string coachId)
    {
        EnsureRegistered();
        if (State.CoachId != coachId)
        {
            throw new PreconditionFailedException(Reasons.NotInCaseload, $"client {ClientId} is not in the caseload of coach {coachId}");
        }

        State.CoachId = null;
        await CommitAsync(neighbourhoods: [State.NeighbourhoodId], coaches: [coachId]);
    }

    public Task<CoachAssignment> GetCoachAssignmentAsync() =>
        Task.FromResult(State.Registered
            ? new CoachAssignment(State.CoachId, State.Version, State.Summary())
            : new CoachAssignment(null, State.Version, null));

    private string[] CurrentCoach() => State.CoachId is null ? [] : [State.CoachId];
}
