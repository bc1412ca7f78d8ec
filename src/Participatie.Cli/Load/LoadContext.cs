using Grpc.Core;
using Grpc.Net.Client;
using Participatie.Cli.Seeding;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Load;

/// <summary>What the operations of a run call and aim at: the service clients of one channel and the prepared targets.</summary>
internal sealed class LoadContext(GrpcChannel channel, LoadTargets targets, int? seed)
{
    /// <summary>Who the load's writes are recorded as (registered_by, reported_by).</summary>
    public const string Caller = "load";

    /// <summary>Hours are recorded on the last this many days, today included: the default active window.</summary>
    private const int HoursDays = 28;

    private readonly DemoCity _city = new(seed ?? Environment.TickCount, targets.NeighbourhoodIds.Count, DateOnly.FromDateTime(DateTime.Now));
    private readonly string _runId = Guid.NewGuid().ToString("N")[..12];
    private readonly string _month = DateTime.Now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    private readonly DateOnly _todayUtc = DateOnly.FromDateTime(DateTime.UtcNow);
    private int _registered;
    private long _caseloadReplies;
    private long _caseloadEntries;

    public AdminService.AdminServiceClient Admin { get; } = new(channel);

    public ClientService.ClientServiceClient Clients { get; } = new(channel);

    public CoachService.CoachServiceClient Coaches { get; } = new(channel);

    public NeighbourhoodService.NeighbourhoodServiceClient Neighbourhoods { get; } = new(channel);

    public PartnerService.PartnerServiceClient Partners { get; } = new(channel);

    /// <summary>People per caseload reply, over every reply of the run (warm-up included); null before any.</summary>
    public double? MeanCaseload => Interlocked.Read(ref _caseloadReplies) is > 0 and var replies ? (double)Interlocked.Read(ref _caseloadEntries) / replies : null;

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
    };

    /// <summary>
    /// A prepared participant's hours on one of the last four weeks' days: today in UTC at the latest, which is never
    /// after today in the Netherlands (ahead of UTC), and one to three hours, within any day's maximum. Recording a day
    /// again replaces its figure, so two calls for the same person and day are a correction, never refused.
    /// </summary>
    public RecordHoursRequest Hours(Random random)
    {
        var participant = Any(random, Partner.Participants);
        return PartnerWork.Hours(participant.ActivityId, participant.ParticipantRef, _todayUtc.AddDays(-random.Next(HoursDays)), DemoCaseWork.HoursOfADay(random));
    }

    /// <summary>The call as the partner makes it: with its API key.</summary>
    public CallOptions AsPartner(CallOptions options) => Partner.On(options);

    public void CountCaseload(int entries)
    {
        Interlocked.Increment(ref _caseloadReplies);
        Interlocked.Add(ref _caseloadEntries, entries);
    }

    private LoadPartner Partner => targets.Partner ?? throw new InvalidOperationException("hours need a prepared partner: the mix had no hours when the run was prepared");

    private static T Any<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
