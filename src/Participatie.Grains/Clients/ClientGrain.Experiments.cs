using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Experiments;
using Participatie.Grains.Regimes;

namespace Participatie.Grains.Clients;

/// <summary>
/// The person in experiments. The experiment is the truth about its sign-ups and assignments; the record keeps the
/// newest membership each experiment sent (versioned, so repeats and late deliveries change nothing) and turns an
/// assignment into a regime layer. It also guards that a person is in one experiment at a time.
/// </summary>
public sealed partial class ClientGrain
{
    public Task<ExperimentCandidate> GetExperimentCandidateAsync()
    {
        EnsureRegistered();
        return Task.FromResult(new ExperimentCandidate(State.DateOfBirth, State.CurrentSegment(), State.NeighbourhoodId, State.HouseholdType));
    }

    public async Task EnrolInExperimentAsync(ExperimentEnrolment enrolment)
    {
        EnsureRegistered();
        if (State.Experiments.ContainsKey(enrolment.ExperimentId))
        {
            return;
        }

        var clash = State.Experiments.FirstOrDefault(e =>
            (e.Value.Status == MembershipStatus.SignedUp || (e.Value.Status == MembershipStatus.Assigned && !e.Value.Withdrawn))
            && e.Value.Start <= enrolment.End && enrolment.Start <= e.Value.End);
        if (clash.Value is { } other)
        {
            throw new PreconditionFailedException(
                Reasons.InOtherExperiment,
                $"the person takes part in experiment {clash.Key} ({other.Start:yyyy-MM-dd} to {other.End:yyyy-MM-dd}), whose period overlaps; a person is in one experiment at a time");
        }

        State.Experiments[enrolment.ExperimentId] = new MembershipRecord
        {
            Status = MembershipStatus.SignedUp,
            Start = enrolment.Start,
            End = enrolment.End,
        };
        await SaveAsync();
    }

    public async Task ApplyExperimentMembershipAsync(ExperimentMembership membership)
    {
        if (!State.Registered
            || (State.Experiments.TryGetValue(membership.ExperimentId, out var existing) && existing.Version >= membership.Version))
        {
            return;
        }

        State.Experiments[membership.ExperimentId] = new MembershipRecord
        {
            LayerName = membership.LayerName,
            Version = membership.Version,
            Status = membership.Status,
            Arm = membership.Arm,
            Regime = membership.Regime is null ? null : RegimeSettingsRecord.Of(membership.Regime.ToDomain()),
            Start = membership.Start,
            End = membership.End,
            From = membership.From,
            Until = membership.Until,
            Withdrawn = membership.Withdrawn,
        };
        await SaveAsync();
    }
}
