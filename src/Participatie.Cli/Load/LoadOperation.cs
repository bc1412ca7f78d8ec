using Grpc.Core;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Load;

/// <summary>What a call does to the platform, for the read/write summary of a run.</summary>
internal enum OperationKind
{
    /// <summary>Touches no grain: the ceiling of the gateway.</summary>
    Baseline,

    /// <summary>Reads state and changes nothing.</summary>
    Read,

    /// <summary>A durable write.</summary>
    Write,
}

/// <summary>One kind of call the load generator can make: its <c>--mix</c> name, what it does, and the call itself.</summary>
internal sealed record LoadOperation(string Name, OperationKind Kind, string Description, Func<LoadContext, Random, CallOptions, Task> Call);

/// <summary>
/// Every operation the load generator knows. A new RPC joins the load by one entry here: its name becomes valid in
/// <c>--mix</c>, and the run reports it on a line of its own and in the read or write summary.
/// </summary>
internal static class LoadOperations
{
    private const int CaseloadPageSize = 1000;
    private const int SearchPageSize = 50;

    /// <summary>Beginnings of family names as a coach types them: common Dutch, Turkish, Moroccan and Surinamese names.</summary>
    private static readonly string[] NamePrefixes = ["ja", "de", "ba", "ko", "el", "ye", "ra", "bo", "sm", "ve", "ma", "ha", "ka", "ou", "me"];

    public static LoadOperation Ping { get; } = new("ping", OperationKind.Baseline, "AdminService.Ping",
        (context, _, options) => context.Admin.PingAsync(new PingRequest { Payload = LoadContext.Caller }, options).ResponseAsync);

    /// <summary>Needs participants, which the run prepares only when its mix has this operation.</summary>
    public static LoadOperation Hours { get; } = new("hours", OperationKind.Write,
        "PartnerService.RecordHours of a prepared participant on a day of the last four weeks, with the partner's API key (the activity and the person's record store)",
        (context, random, options) => context.Partners.RecordHoursAsync(context.Hours(random), context.AsPartner(options)).ResponseAsync);

    public static IReadOnlyList<LoadOperation> All { get; } =
    [
        Ping,
        new("get-client", OperationKind.Read, "ClientService.GetClient of a prepared person",
            (context, random, options) => context.Clients.GetClientAsync(new GetClientRequest { ClientId = context.AnyClient(random) }, options).ResponseAsync),
        new("caseload", OperationKind.Read, "CoachService.GetCaseload of a prepared coach, the whole caseload in one page",
            async (context, random, options) => context.CountCaseload((await context.Coaches.GetCaseloadAsync(
                new GetCaseloadRequest { CoachId = context.AnyCoach(random), PageSize = CaseloadPageSize }, options)).Entries.Count)),
        new("search", OperationKind.Read, "ClientService.ListClients by a two-letter name prefix, a page of 50 (the client directory)",
            (context, random, options) => context.Clients.ListClientsAsync(
                new ListClientsRequest { NamePrefix = NamePrefixes[random.Next(NamePrefixes.Length)], PageSize = SearchPageSize }, options).ResponseAsync),
        new("neighbourhood", OperationKind.Read, "NeighbourhoodService.GetNeighbourhood",
            (context, random, options) => context.Neighbourhoods.GetNeighbourhoodAsync(
                new GetNeighbourhoodRequest { NeighbourhoodId = context.AnyNeighbourhood(random) }, options).ResponseAsync),
        new("earnings", OperationKind.Write, "ClientService.ReportEarnings of a prepared person for the current month (the person's record stores)",
            (context, random, options) => context.Clients.ReportEarningsAsync(context.Earnings(random), options).ResponseAsync),
        new("register", OperationKind.Write, "ClientService.RegisterClient of a new synthetic person",
            (context, random, options) => context.Clients.RegisterClientAsync(context.NewPerson(random), options).ResponseAsync),
        Hours,
    ];

    public static LoadOperation? Find(string name) => All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
}
