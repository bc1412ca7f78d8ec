using System.CommandLine;
using Participatie.Cli.Output;
using Participatie.Contracts.V1;
using Spectre.Console;

namespace Participatie.Cli.Commands;

/// <summary><c>participatie status</c>: what the platform holds, in total and per neighbourhood.</summary>
internal static class StatusCommand
{
    private const int PageSize = 1000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the platform status as JSON instead of tables" };
        var command = new Command("status", "Show platform totals and the figures of every neighbourhood") { json };
        command.SetAction(Gateway.Action((parseResult, gateway, cancellationToken) =>
            RunAsync(parseResult, gateway, parseResult.GetValue(json), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, Gateway gateway, bool asJson, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var status = await new AdminService.AdminServiceClient(gateway.Channel)
            .GetPlatformStatusAsync(new GetPlatformStatusRequest(), deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken);
        if (asJson)
        {
            output.WriteLine(JsonOutput.Formatter.Format(status));
            return ExitCodes.Success;
        }

        var neighbourhoods = await ListAllNeighbourhoodsAsync(new NeighbourhoodService.NeighbourhoodServiceClient(gateway.Channel), cancellationToken);
        WriteTotals(output, gateway.Address, status);
        output.WriteLine();
        WriteNeighbourhoods(output, neighbourhoods);
        return ExitCodes.Success;
    }

    private static async Task<List<Neighbourhood>> ListAllNeighbourhoodsAsync(NeighbourhoodService.NeighbourhoodServiceClient client, CancellationToken cancellationToken)
    {
        var all = new List<Neighbourhood>();
        var request = new ListNeighbourhoodsRequest { PageSize = PageSize };
        do
        {
            var page = await client.ListNeighbourhoodsAsync(request, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken);
            all.AddRange(page.Neighbourhoods);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }

    private static void WriteTotals(TextWriter output, string address, GetPlatformStatusResponse status)
    {
        output.WriteLine($"Platform at {address}: host {status.HostName}, version {status.Version}, storage profile {status.StorageProfile}");
        output.WriteLine();

        var totals = Tables.Create(new Column(""), new Column("", RightAligned: true), new Column("", RightAligned: true));
        totals.AddText("neighbourhoods", $"{status.Neighbourhoods}", "");
        totals.AddText("coaches", $"{status.Coaches}", "");
        totals.AddText("clients", $"{status.Clients}", "");
        totals.AddText("  with a coach", $"{status.ClientsWithCoach}", Percent(status.ClientsWithCoach, status.Clients));
        totals.AddText("  within the cut", $"{status.ClientsWithinCut}", Percent(status.ClientsWithinCut, status.Clients));
        totals.AddText("  beyond the cut", $"{status.ClientsBeyondCut}", Percent(status.ClientsBeyondCut, status.Clients));
        totals.AddText("  not assessed", $"{status.ClientsNotAssessed}", Percent(status.ClientsNotAssessed, status.Clients));
        totals.AddText("caseload places", $"{status.CaseloadCapacity}", "");
        totals.AddText("  in use", $"{status.CaseloadUsed}", Percent(status.CaseloadUsed, status.CaseloadCapacity));
        output.WriteTable(totals.HideHeaders());
    }

    private static void WriteNeighbourhoods(TextWriter output, IReadOnlyList<Neighbourhood> neighbourhoods)
    {
        var table = Tables.Create(
            new Column("NEIGHBOURHOOD"),
            new Column("NAME"),
            new Column("RESIDENTS", RightAligned: true),
            new Column("WITHIN CUT", RightAligned: true),
            new Column("BEYOND CUT", RightAligned: true),
            new Column("WITH COACH", RightAligned: true),
            new Column("ACTIVE", RightAligned: true),
            new Column("HOURS THIS MONTH", RightAligned: true),
            new Column("TO WORK THIS YEAR", RightAligned: true),
            new Column("ACTIVITIES", RightAligned: true));
        foreach (var n in neighbourhoods)
        {
            table.AddText(
                n.NeighbourhoodId, n.Name, $"{n.Residents}", $"{n.WithinCut}", $"{n.BeyondCut}", $"{n.WithCoach}",
                $"{n.ActiveResidents}", n.ParticipationHoursThisMonth.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                $"{n.OutflowToWorkThisYear}", $"{n.ActivitiesOnOffer}");
        }

        output.WriteTable(table);
        if (neighbourhoods.Count == 0)
        {
            output.WriteLine("(no neighbourhoods yet: `participatie seed` creates a demo city)");
        }
    }

    private static string Percent(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0.0}%";
}
