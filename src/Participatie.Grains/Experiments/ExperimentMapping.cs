using Participatie.Abstractions.Experiments;
using Participatie.Domain;
using Participatie.Domain.Experiments;

namespace Participatie.Grains.Experiments;

/// <summary>Between the stored experiment, the domain's design and lottery, and messages.</summary>
internal static class ExperimentMapping
{
    /// <summary>The design's name: the experiment id without its prefix, e.g. <c>vertrouwen-werkt</c>.</summary>
    public static string NameOf(string experimentId) =>
        experimentId.StartsWith(Ids.ExperimentPrefix, StringComparison.Ordinal) ? experimentId[Ids.ExperimentPrefix.Length..] : experimentId;

    public static ExperimentDesign Design(this ExperimentState s, string experimentId) =>
        new(NameOf(experimentId), s.Start, s.End, [.. s.Arms.Select(a => new ExperimentArm(a.Name, a.Kind, a.Capacity, a.Regime.ToDomain()))], s.Eligibility.ToDomain())
        {
            Strata = [.. s.Strata],
            AgeBandStarts = [.. s.AgeBandStarts],
            Blocks = s.Blocks,
        };

    public static EligibilityRules ToDomain(this EligibilityRecord e) => new()
    {
        MinimumAge = e.MinimumAge,
        MaximumAge = e.MaximumAge,
        Segments = [.. e.Segments],
        Neighbourhoods = [.. e.Neighbourhoods],
        HouseholdTypes = [.. e.HouseholdTypes],
    };

    public static Candidate Candidate(string clientId, ParticipantRecord p) =>
        new(clientId, p.DateOfBirth, p.Segment, p.NeighbourhoodId, p.HouseholdType);

    public static ArmData ToData(this ArmRecord a) => new(a.Name, a.Kind, a.Capacity, a.Regime.ToData());

    public static EligibilityData ToData(this EligibilityRecord e) =>
        new(e.MinimumAge, e.MaximumAge, [.. e.Segments], [.. e.Neighbourhoods], [.. e.HouseholdTypes]);

    public static DrawView ToView(this DrawRecord d) =>
        new(d.Algorithm, d.Seed, d.SeedGenerated, d.DrawDate, d.DrawnAt, d.DrawnBy, d.Candidates, d.Assigned, d.WaitingList, d.Ineligible);

    public static ExperimentView ToView(this ExperimentState s, string experimentId) => new(
        experimentId,
        s.Title,
        s.Start,
        s.End,
        [.. s.Arms.Select(a => a.ToData())],
        s.Eligibility.ToData(),
        [.. s.Strata],
        [.. s.AgeBandStarts],
        s.Blocks,
        s.CreatedBy,
        s.CreatedAt,
        s.Participants.Count,
        s.Participants.Values.Count(p => p.WithdrawnOn is not null),
        s.Draw?.ToView(),
        [.. s.Arms.Select(a => new ArmCountView(
            a.Name,
            s.Participants.Values.Count(p => p.Arm == a.Name),
            s.Participants.Values.Count(p => p.Arm == a.Name && p.WithdrawnOn is not null)))],
        s.PendingMembers.Count);

    public static AssignmentView ToView(this ParticipantRecord p, ExperimentState s, string experimentId, string clientId)
    {
        var status = s.Draw is null || p.WithdrawnBeforeDraw
            ? ParticipationStatus.SignedUp
            : p.Arm is not null
                ? ParticipationStatus.Assigned
                : p.WaitingListPosition is not null ? ParticipationStatus.WaitingList : ParticipationStatus.Ineligible;
        return new AssignmentView(
            experimentId,
            clientId,
            status,
            p.Arm,
            s.Arms.Find(a => a.Name == p.Arm)?.Kind ?? ArmKind.Unspecified,
            p.Stratum,
            p.WaitingListPosition,
            [.. p.IneligibleReasons ?? []],
            p.SignedUpAt,
            p.ConsentVersion,
            p.ConsentGivenAt,
            p.WithdrawnOn is not null,
            p.WithdrawnOn);
    }

    /// <summary>
    /// What the person's record must know: the arm and its regime layer — from the experiment's start or the draw,
    /// whichever is later, to its end or the day before a withdrawal — or that they were not drawn into an arm.
    /// </summary>
    public static ExperimentMembership Membership(this ParticipantRecord p, ExperimentState s, string experimentId)
    {
        var name = NameOf(experimentId);
        var withdrawn = p.WithdrawnOn is not null;
        if (p.Arm is { } arm && s.Draw is { } draw)
        {
            var from = draw.DrawDate > s.Start ? draw.DrawDate : s.Start;
            var until = p.WithdrawnOn is { } on && on.AddDays(-1) < s.End ? on.AddDays(-1) : s.End;
            var regime = s.Arms.Single(a => a.Name == arm).Regime.ToData();
            return new ExperimentMembership(experimentId, $"{name}/{arm}", p.Version, MembershipStatus.Assigned, arm, regime, s.Start, s.End, from, until, withdrawn);
        }

        var status = s.Draw is null && !withdrawn ? MembershipStatus.SignedUp : MembershipStatus.NotAssigned;
        return new ExperimentMembership(experimentId, name, p.Version, status, null, null, s.Start, s.End, null, null, withdrawn);
    }
}
