using System.Globalization;
using Participatie.Abstractions.Clients;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Regimes;
using Participatie.Domain;
using Participatie.Domain.Experiments;
using Participatie.Domain.Regimes;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>Experiments, people and consent for grain tests; every call makes fresh keys.</summary>
public static class TestExperiments
{
    public static readonly RegimeSettingsData Exemption = RegimeSettingsData.Of(new RegimeOverrides(
        JobSearch: JobSearchObligation.Exempt, CounterPerformance: CounterPerformance.Voluntary, SanctionsAllowed: false));

    public static readonly RegimeSettingsData ExtraGuidance = RegimeSettingsData.Of(new RegimeOverrides(CaseloadCap: 50, ContactIntervalDays: 14));

    public static readonly RegimeSettingsData ExtraDisregard = RegimeSettingsData.Of(new RegimeOverrides(EarningsDisregard: EarningsDisregardKind.Experimental));

    public static string NewId() => "ex-test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A control arm and the given arms, each with room for <paramref name="capacity"/>, running from a month ago for most of a year.</summary>
    public static CreateExperimentCommand Design(int capacity = 50, EligibilityData? eligibility = null, IReadOnlyList<StratumFactor>? strata = null, params ArmData[] arms)
    {
        var today = Today.In(TimeProvider.System);
        return new CreateExperimentCommand(
            "Vertrouwen werkt (test)",
            Iso(today.AddDays(-30)),
            Iso(today.AddDays(300)),
            [new ArmData("control", ArmKind.Control, capacity, RegimeSettingsData.Of(RegimeOverrides.None)), .. arms],
            eligibility ?? new EligibilityData(0, null, [], [], []),
            strata ?? [],
            [],
            BlockWeighting.Unspecified,
            "researcher-test");
    }

    public static ArmData Arm(string name, ArmKind kind, RegimeSettingsData regime, int capacity = 50) => new(name, kind, capacity, regime);

    public static ConsentData Consent(string version = "test-1") =>
        new("Ik doe vrijwillig mee aan het experiment en mag altijd stoppen.", version, DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>Registers <paramref name="count"/> people in one new neighbourhood; returns their ids.</summary>
    public static async Task<(string Neighbourhood, List<string> Clients)> PeopleAsync(IGrainFactory grains, int count, int age = 40, FactorsData? factors = null)
    {
        var wijk = await TestModels.NewNeighbourhoodAsync(grains);
        var clients = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Ids.NewClientId();
            await grains.GetGrain<IClientGrain>(id).RegisterAsync(TestModels.Intake(wijk, age: age + (i % 20), factors: factors));
            clients.Add(id);
        }

        return (wijk, clients);
    }

    /// <summary>Creates an experiment and signs the people up.</summary>
    public static async Task<IExperimentGrain> WithSignUpsAsync(IGrainFactory grains, CreateExperimentCommand design, IEnumerable<string> clients)
    {
        var experiment = grains.GetGrain<IExperimentGrain>(NewId());
        await experiment.CreateAsync(design);
        foreach (var client in clients)
        {
            await experiment.SignUpAsync(new SignUpCommand(client, Consent(), "coach-test"));
        }

        return experiment;
    }

    /// <summary>Waits until every person's record heard of their place after the draw (it is delivered after the reply).</summary>
    public static async Task InformedAsync(IExperimentGrain experiment)
    {
        var drained = ClusterFixture.Drains.Next(experiment.GetGrainId());
        while ((await experiment.GetAsync()).MembersToInform > 0)
        {
            await drained.WaitAsync(TimeSpan.FromSeconds(30));
            drained = ClusterFixture.Drains.Next(experiment.GetGrainId());
        }
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
