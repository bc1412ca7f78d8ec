using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests;

/// <summary>One silo host (Memory profile) with its gateway, shared by the gateway tests and reached over real HTTP/2.</summary>
public class GatewayFixture : IAsyncLifetime
{
    public SiloHost Host { get; private set; } = null!;

    public ClientService.ClientServiceClient Clients => new(Host.Channel);

    public CoachService.CoachServiceClient Coaches => new(Host.Channel);

    public NeighbourhoodService.NeighbourhoodServiceClient Neighbourhoods => new(Host.Channel);

    public AdminService.AdminServiceClient Admin => new(Host.Channel);

    public ExperimentService.ExperimentServiceClient Experiments => new(Host.Channel);

    /// <summary>The admin service as a named admin: stored acts name the token's subject as who acted.</summary>
    public AdminService.AdminServiceClient AdminAs(string adminId) => new(Host.ChannelAs("admin", adminId));

    /// <summary>
    /// The shipped configuration, plus an opt-in basic-benefit trajectory (at 90% of the norm: the shipped configuration
    /// has none, as DOMAIN.md gives no figure).
    /// </summary>
    public async Task InitializeAsync() =>
        Host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string>(ExtraSettings)
        {
            ["Caseload:DefaultLimit"] = "2",
            ["Regimes:Trajectories:3:Name"] = "basic-benefit",
            ["Regimes:Trajectories:3:From"] = "2024-01-01",
            ["Regimes:Trajectories:3:JobSearch"] = "Exempt",
            ["Regimes:Trajectories:3:CounterPerformance"] = "None",
            ["Regimes:Trajectories:3:SanctionsAllowed"] = "false",
            ["Regimes:Trajectories:3:BenefitLevel"] = "OptInBasic",
            ["Benefits:Entries:18:Rule"] = "BasicBenefitPercent",
            ["Benefits:Entries:18:EffectiveFrom"] = "2024-01-01",
            ["Benefits:Entries:18:Percent"] = "90",
        });

    /// <summary>
    /// Starts the month's payment run (the next pass once one completed) as the admin <paramref name="startedBy"/>, and
    /// awaits that pass's completion.
    /// </summary>
    public async Task<PaymentRun> CompletedPassAsync(string month, string startedBy)
    {
        var started = (await AdminAs(startedBy).StartPaymentRunAsync(new StartPaymentRunRequest { Month = month })).Run;
        await Host.PaymentPassCompletedAsync(month, started.Passes);
        var run = (await Admin.GetPaymentRunAsync(new GetPaymentRunRequest { Month = month })).Run;

        Assert.Equal((PaymentRunStatus.Completed, started.Passes), (run.Status, run.Passes));
        return run;
    }

    /// <summary>Settings a derived fixture adds to the shared ones.</summary>
    protected virtual IDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task<string> NewNeighbourhoodAsync()
    {
        var id = "wk-gw-" + Guid.NewGuid().ToString("N")[..12];
        await Neighbourhoods.CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = id, Name = "Afrikaanderwijk", Municipality = "Rotterdam" });
        return id;
    }

    public static RegisterClientRequest Intake(string neighbourhoodId, int age = 45) => SampleRequests.Intake(neighbourhoodId, age);

    /// <summary>Registers people in a new neighbourhood.</summary>
    public async Task<(string Neighbourhood, List<string> Clients)> PeopleAsync(int count)
    {
        var wijk = await NewNeighbourhoodAsync();
        var clients = new List<string>();
        for (var i = 0; i < count; i++)
        {
            clients.Add((await Clients.RegisterClientAsync(Intake(wijk, 30 + i))).Client.ClientId);
        }

        return (wijk, clients);
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}

/// <summary>
/// A gateway whose date bounds reach back years, for the payment tests: they pay fixed past months (one run per
/// month, so their months never meet) to people registered today, as the grain tests do.
/// </summary>
public sealed class PaymentGatewayFixture : GatewayFixture
{
    protected override IDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Dates:FirstMonth"] = "2024-01",
        ["Dates:BackdatingMonths"] = "120",
    };
}

[CollectionDefinition(Name)]
public sealed class PaymentGatewayCollection : ICollectionFixture<PaymentGatewayFixture>
{
    public const string Name = "payment-gateway";
}
