using System.Globalization;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Errors;
using Participatie.Abstractions.Neighbourhoods;
using Participatie.Abstractions.Partners;
using Participatie.Domain;
using Participatie.Domain.Contracts;
using Participatie.Domain.Participation;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Tests.Fixtures;

namespace Participatie.Grains.Tests.Neighbourhoods;

/// <summary>
/// What goes on in a neighbourhood — residents active, hours this month, outflow to work, activities on offer — after
/// a random sequence of changes: the live figures equal a model kept by the test, and a rebuild from the sources gives
/// the same figures.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NeighbourhoodActivityTests(ClusterFixture fixture)
{
    private const int People = 12;
    private const int Steps = 120;
    private const int ActiveWindowDays = 28;

    private readonly IGrainFactory _grains = fixture.Grains;

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    public async Task AfterRandomChangesTheLiveFiguresMatchTheModelAndARebuild(int seed)
    {
        var random = new Random(seed);
        var today = Today.In(TimeProvider.System);
        var (wijk, people) = await TestExperiments.PeopleAsync(_grains, People);
        var coach = await CoachesFixture.NewCoachAsync(_grains, limit: 100);
        var partner = _grains.GetGrain<IPartnerGrain>("pt-figures-" + Guid.NewGuid().ToString("N")[..10]);
        await partner.RegisterAsync(new RegisterPartnerCommand("Buurthuis De Kroon", "info@dekroon.example", "admin-test"));
        var model = new Model();
        var activities = new List<IActivityGrain>();
        var references = new Dictionary<(int Activity, string Person), string>();

        async Task NewActivityAsync()
        {
            var created = await partner.CreateActivityAsync(Ids.NewActivityId(), new ActivityData("Taalcafé", ActivityType.SocialMeeting, wijk, People, "Woensdag 14:00", "Sanne"), "pt-test");
            activities.Add(_grains.GetGrain<IActivityGrain>(created.ActivityId));
            model.Open.Add(activities.Count - 1);
        }

        await NewActivityAsync();
        for (var step = 0; step < Steps; step++)
        {
            var person = people[random.Next(People)];
            var activity = random.Next(activities.Count);
            switch (random.Next(10))
            {
                case 0 when activities.Count < 4:
                    await NewActivityAsync();
                    break;
                case 1 when model.Open.Count > 1 && random.Next(3) == 0:
                    await activities[activity].CloseAsync("Zomerstop");
                    model.Open.Remove(activity);
                    break;
                case 2:
                    var start = today.AddDays(-random.Next(0, 200));
                    await _grains.GetGrain<IClientRecordGrain>(person).ReportOutflowAsync(new ContractActor(Party.Person, person), new OutflowCommand(8 * random.Next(1, 5), Iso(start)));
                    model.Outflow[person] = model.Outflow.TryGetValue(person, out var earlier) && earlier > start ? earlier : start;
                    break;
                case 3:
                    await _grains.GetGrain<IClientCaseGrain>(person).AssignCoachAsync(coach);
                    break;
                default:
                    if (!references.TryGetValue((activity, person), out var reference))
                    {
                        if (!model.Open.Contains(activity))
                        {
                            break;
                        }

                        reference = (await activities[activity].AgreeAsync(person, coach)).Reference;
                        references[(activity, person)] = reference;
                    }

                    var day = today.AddDays(-random.Next(0, 45));
                    var quarters = random.Next(0, 17);
                    try
                    {
                        await activities[activity].RecordHoursAsync(new RecordHoursCommand(reference, Iso(day), quarters / 4.0, "pt-test"));
                        model.Minutes[(activity, person, day)] = quarters * 15;
                    }
                    catch (PreconditionFailedException closed) when (closed.Reason == Reasons.ActivityClosed)
                    {
                        // hours after the closing day are refused, and change nothing
                    }

                    break;
            }
        }

        var live = (await _grains.GetGrain<INeighbourhoodGrain>(wijk).GetAsync()).Activity!;
        var rebuild = await _grains.GetGrain<INeighbourhoodGrain>(wijk).RebuildAsync();

        Assert.True(live.ActiveResidents > 0 && live.ActivitiesOnOffer > 0, "the sequence should leave something going on");
        Assert.Equal(model.Expected(today, people), (live.ActiveResidents, live.ParticipationMinutesThisMonth, live.OutflowToWorkThisYear, live.ActivitiesOnOffer));
        Assert.Equal(live, rebuild.After.Activity);
        Assert.Equal(live, rebuild.Before.Activity);
        Assert.Equal((rebuild.Before.Residents, rebuild.Before.WithCoach, rebuild.Before.NotAssessed), (rebuild.After.Residents, rebuild.After.WithCoach, rebuild.After.NotAssessed));
        Assert.Equal((People, activities.Count), (rebuild.PeopleAsked, rebuild.ActivitiesAsked));
    }

    [Fact]
    public async Task ARebuildRepairsFiguresThatLostAContribution()
    {
        var (wijk, people) = await TestExperiments.PeopleAsync(_grains, 3);
        var neighbourhood = _grains.GetGrain<INeighbourhoodGrain>(wijk);

        // A contribution as if a delivery had gone wrong: a person marked as not living here, at a later version.
        var truth = await _grains.GetGrain<IClientCaseGrain>(people[0]).GetResidentContributionAsync(wijk);
        await neighbourhood.ApplyAsync(truth with { Version = truth.Version + 1, Resident = false });
        var rebuild = await neighbourhood.RebuildAsync();

        Assert.Equal((2, 3), (rebuild.Before.Residents, rebuild.After.Residents));
        Assert.Equal(3, (await neighbourhood.GetAsync()).Residents);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What the test did, reduced to the figures it should give.</summary>
    private sealed class Model
    {
        public HashSet<int> Open { get; } = [];

        public Dictionary<(int Activity, string Person, DateOnly Day), int> Minutes { get; } = [];

        public Dictionary<string, DateOnly> Outflow { get; } = new(StringComparer.Ordinal);

        public (int Active, int MinutesThisMonth, int OutflowThisYear, int OnOffer) Expected(DateOnly today, List<string> people)
        {
            var since = today.AddDays(1 - ActiveWindowDays);
            var active = people.Count(p => Minutes.Any(m => m.Key.Person == p && m.Value > 0 && m.Key.Day >= since));
            var month = Minutes.Where(m => m.Key.Day.Year == today.Year && m.Key.Day.Month == today.Month).Sum(m => m.Value);
            var outflow = Outflow.Values.Count(start => start.Year == today.Year && start <= today);
            return (active, month, outflow, Open.Count);
        }
    }
}
