using Grpc.Net.Client;
using Participatie.Cli.Seeding;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Load;

/// <summary>What the operations of a run call and aim at: the service clients of one channel and the prepared targets.</summary>
internal sealed class LoadContext(GrpcChannel channel, LoadTargets targets, int? seed)
{
    /// <summary>Who the load's writes are recorded as (registered_by, reported_by).</summary>
    public const string Caller = "load";

    private readonly DemoCity _city = new(seed ?? Environment.TickCount, targets.NeighbourhoodIds.Count, DateOnly.FromDateTime(DateTime.Now));
    private readonly string _runId = Guid.NewGuid().ToString("N")[..12];
    private readonly string _month = DateTime.Now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    private int _registered;

    public AdminService.AdminServiceClient Admin { get; } = new(channel);

    public ClientService.ClientServiceClient Clients { get; } = new(channel);

    public CoachService.CoachServiceClient Coaches { get; } = new(channel);

    public NeighbourhoodService.NeighbourhoodServiceClient Neighbourhoods { get; } = new(channel);

    public string AnyClient(Random random) => Any(random, targets.ClientIds);

    public string AnyCoach(Random random) => Any(random, targets.CoachIds);

    public string AnyNeighbourhood(Random random) => Any(random, targets.NeighbourhoodIds);

    /// <summary>A synthetic person not registered before: a request id of this run and a number of its own.</summary>
    public RegisterClientRequest NewPerson(Random random)
    {
        var index = Interlocked.Increment(ref _registered);
        return LoadTargets.SyntheticPerson(_city, index, $"load-{_runId}-{index}", AnyNeighbourhood(random));
    }

    /// <summary>
    /// This month's income form of a prepared person. The load runs as an admin, who may report earnings but not assess
    /// (only the person's own coach may).
    /// </summary>
    public ReportEarningsRequest Earnings(Random random) => new()
    {
        ClientId = AnyClient(random),
        Month = _month,
        NetEarningsCents = random.Next(3) == 0 ? 0 : random.Next(20_000, 150_000),
        WorkHoursPerWeek = random.Next(0, 36),
        ReportedBy = Caller,
    };

    private static string Any(Random random, IReadOnlyList<string> ids) => ids[random.Next(ids.Count)];
}
