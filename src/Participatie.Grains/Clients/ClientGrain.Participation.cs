using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Coaches;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Partners;
using Participatie.Domain.Participation;
using Participatie.Domain.People;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Clients;

/// <summary>
/// The person in partners' activities. Each activity is the truth about the person's place and hours there; the record
/// keeps the newest contribution each activity sent (versioned, so repeats and late deliveries change nothing) and from
/// them the last day the person took part, which makes them active or not (<see cref="ParticipationPolicy"/>).
/// </summary>
public sealed partial class ClientGrain
{
    public Task<ParticipantFacts> GetParticipantFactsAsync() =>
        Task.FromResult(new ParticipantFacts(State.Registered && State.AnonymisedAt is null, State.GivenName, State.CaseEndedOn is not null));

    public Task<IReadOnlyList<ParticipationContribution>> GetParticipationAsync()
    {
        EnsureRegistered();
        IReadOnlyList<ParticipationContribution> activities = [.. State.Participation
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ParticipationContribution(p.Key, p.Value.Version, p.Value.Type, p.Value.Status, [.. p.Value.Days.Select(d => new DayMinutes(d.Day, d.Minutes))]))];
        return Task.FromResult(activities);
    }

    public async Task<IReadOnlyList<ActivityParticipationView>> GetParticipationInActivitiesAsync()
    {
        // Read before the first await: this call interleaves, so the record may change while the activities answer.
        var held = await GetParticipationAsync();
        var activities = await Task.WhenAll(held.Select(p => GrainFactory.GetGrain<IActivityGrain>(p.ActivityId).GetAsync()));
        var partners = await Task.WhenAll(activities
            .Select(a => a.PartnerId)
            .Distinct(StringComparer.Ordinal)
            .Select(id => GrainFactory.GetGrain<IPartnerGrain>(id).GetAsync()));
        var names = partners.ToDictionary(p => p.PartnerId, p => p.Name, StringComparer.Ordinal);
        return [.. held.Zip(activities, (p, a) => new ActivityParticipationView(p, a.Details.Title, names[a.PartnerId]))];
    }

    public async Task ApplyParticipationAsync(ParticipationContribution contribution)
    {
        State.Participation.TryGetValue(contribution.ActivityId, out var kept);
        var outcome = ParticipationRecord.Apply(
            kept?.ToDomain(), new ActivityContribution(contribution.Version, contribution.Status, [.. contribution.Days.Select(d => (d.Day, d.Minutes))]));
        if (!State.Registered || !outcome.Taken)
        {
            return;
        }

        State.Participation[contribution.ActivityId] = new ActivityParticipationRecord
        {
            Version = contribution.Version,
            Type = contribution.Type,
            Status = contribution.Status,
            Days = [.. contribution.Days.Select(d => new DayMinutesRecord { Day = d.Day, Minutes = d.Minutes })],
        };
        State.LastParticipationOn = ParticipationRecord.LastDay(AllDays());
        // The neighbourhood's figures count the person's hours and whether they are active.
        await CommitAsync(neighbourhoods: [State.NeighbourhoodId]);
        if (outcome.NewPlace)
        {
            await NotifyCoachAsync(InboxItemKind.Enrolment, $"has a place in an activity ({Snake(contribution.Type)})");
        }
    }

    public Task<ResidentContribution> GetResidentContributionAsync(string neighbourhoodId) =>
        Task.FromResult(State.Registered
            ? ResidentContributionTo(neighbourhoodId)
            : new ResidentContribution(ClientId, 0, false, Segment.Unspecified, false));

    /// <summary>
    /// What the person contributes to a neighbourhood: resident or not, segment, coach, and — for the figures of what
    /// goes on there — the last day of participation, minutes per month (this month and the last) and the start of work.
    /// </summary>
    private ResidentContribution ResidentContributionTo(string neighbourhoodId) => new(
        ClientId,
        State.Version,
        State.NeighbourhoodId == neighbourhoodId,
        State.CurrentSegment(),
        State.CoachId is not null,
        State.LastParticipationOn,
        [.. ParticipationRecord.RecentMonths(AllDays(), Today.In(Time)).Select(m => new MonthMinutes(m.Month, m.Minutes))],
        State.Outflows.Count == 0 ? null : State.Outflows.Max(o => o.StartOn));

    /// <summary>The minutes of every day in every activity, as the activities last sent them.</summary>
    private IEnumerable<(DateOnly Day, int Minutes)> AllDays() =>
        State.Participation.Values.SelectMany(p => p.Days).Select(d => (d.Day, d.Minutes));

    /// <summary>The record as every reply shows it, with whether the person is active today.</summary>
    private ClientView View() => State.ToView(ClientId) with { Participation = ParticipationSummary() };

    /// <summary>Active today or not, with the window in force today.</summary>
    private ParticipationSummary ParticipationSummary()
    {
        var today = Today.In(Time);
        return new ParticipationSummary(
            participation.Value.IsActive(State.LastParticipationOn, today),
            State.LastParticipationOn,
            participation.Value.WindowOn(today));
    }
}

/// <summary>What one activity last told the record: the person's status there and the hours of each day.</summary>
[GenerateSerializer, Alias("participatie.state.ActivityParticipation")]
public sealed class ActivityParticipationRecord
{
    public ActivityContribution ToDomain() => new(Version, Status, [.. Days.Select(d => (d.Day, d.Minutes))]);

    [Id(0)] public long Version { get; set; }

    [Id(1)] public ActivityType Type { get; set; }

    [Id(2)] public ParticipantStatus Status { get; set; }

    [Id(3)] public List<DayMinutesRecord> Days { get; set; } = [];
}

[GenerateSerializer, Alias("participatie.state.DayMinutes")]
public sealed class DayMinutesRecord
{
    [Id(0)] public DateOnly Day { get; set; }

    [Id(1)] public int Minutes { get; set; }
}
