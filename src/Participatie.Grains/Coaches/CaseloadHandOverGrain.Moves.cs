using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Domain.Caseloads;

namespace Participatie.Grains.Coaches;

/// <summary>The moves of a hand-over: one person at a time, by the protocol of a single assignment.</summary>
public sealed partial class CaseloadHandOverGrain
{
    /// <summary>
    /// Records one person's outcome. A colleague found full is not sent anyone more; the person goes to the end of the
    /// plan with the next colleague that may have room, or stays when none has.
    /// </summary>
    private void Apply(HandOverStepRecord step, Outcome outcome)
    {
        if (outcome != Outcome.Full)
        {
            step.Outcome = outcome == Outcome.Moved ? HandOverStepOutcome.Moved : HandOverStepOutcome.NotHere;
            return;
        }

        State.Full.Add(step.To);
        if (HandOverPlanning.NextWithRoom(State.ToCoachIds, State.Full) is { } next)
        {
            step.To = next;
            State.Steps.Remove(step);
            State.Steps.Add(step);
        }
        else
        {
            step.Outcome = HandOverStepOutcome.NoRoom;
        }
    }

    /// <summary>Moves one person unless the person's record says they are no longer the leaving coach's.</summary>
    private async Task<Outcome> MoveAsync(string clientId, string toCoachId)
    {
        var person = GrainFactory.GetGrain<IClientCaseGrain>(clientId);
        var current = (await person.GetCoachAssignmentAsync()).CoachId;
        if (current == toCoachId)
        {
            return Outcome.Moved; // moved before a crash broke the hand-over off, before that was stored
        }

        if (current != FromCoachId)
        {
            return Outcome.NotHere; // assigned elsewhere (or released) since the plan
        }

        try
        {
            await person.AssignCoachAsync(toCoachId);
            return Outcome.Moved;
        }
        catch (PreconditionFailedException failed) when (failed.Reason == Reasons.CaseloadFull)
        {
            return Outcome.Full;
        }
        catch (PreconditionFailedException)
        {
            return Outcome.NotHere; // e.g. the case ended meanwhile
        }
    }

    private enum Outcome
    {
        Moved,
        Full,
        NotHere,
    }
}
