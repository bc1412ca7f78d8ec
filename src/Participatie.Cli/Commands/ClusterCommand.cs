using System.CommandLine;
using Participatie.Cli.Output;
using Participatie.Contracts.V1;

namespace Participatie.Cli.Commands;

/// <summary><c>participatie cluster</c>: the silos of the cluster and their activations per grain type.</summary>
internal static class ClusterCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var departed = new Option<bool>("--departed") { Description = "Also list silos that left or died" };
        var json = new Option<bool>("--json") { Description = "Print the cluster status as JSON instead of tables" };
        var command = new Command("cluster", "Show the silos of the cluster, their state and their activations per grain type") { departed, json };
        command.SetAction(Gateway.Action(async (parseResult, gateway, cancellationToken) =>
        {
            var status = await new AdminService.AdminServiceClient(gateway.Channel).GetClusterStatusAsync(
                new GetClusterStatusRequest { IncludeDeparted = parseResult.GetValue(departed) },
                deadline: DateTime.UtcNow.Add(Deadline),
                cancellationToken: cancellationToken);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonOutput.Formatter.Format(status));
            }
            else
            {
                Write(output, gateway.Address, status);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Write(TextWriter output, string address, GetClusterStatusResponse status)
    {
        output.WriteLine($"Cluster {status.ClusterId} (service {status.ServiceId}, storage profile {status.StorageProfile}) through {address}, "
            + $"answered by the {status.AnsweredByRole} on {status.AnsweredByHost}: {status.ActiveSilos} active silo(s)");
        output.WriteLine($"  managed heap of the {status.AnsweredByRole} that answered, after its last garbage collection: "
            + $"{status.AnsweredByManagedHeapBytes / (1024.0 * 1024.0):#,##0.0} MiB");
        output.WriteLine();

        var silos = Tables.Create(new Column("SILO"), new Column("HOST"), new Column("STATE"), new Column("STARTED"), new Column("ACTIVATIONS", RightAligned: true));
        foreach (var silo in status.Silos)
        {
            silos.AddText(silo.Address, silo.HostName, silo.State.ToString(), silo.StartedAt, $"{silo.Activations}");
        }

        output.WriteTable(silos);
        output.WriteLine();

        var types = Tables.Create(new Column("GRAIN TYPE"), new Column("ACTIVATIONS", RightAligned: true));
        foreach (var type in status.Activations)
        {
            types.AddText(type.GrainType, $"{type.Activations}");
        }

        types.AddText("total", $"{status.TotalActivations}");
        output.WriteTable(types);
    }
}
