using System.CommandLine;

namespace Participatie.Cli.Commands;

/// <summary>The root of <c>participatie</c>: the global options and every command, for the program and its tests.</summary>
internal static class ParticipatieCommand
{
    public static RootCommand Create() => new("participatie: seed, inspect and check the Participatie platform through its gRPC gateway, run monthly payments, report experiments, keep its database schema current, make the cluster's TLS certificates, back up and restore a Local data folder, and verify the audit log")
    {
        Gateway.AddressOption,
        Gateway.TokenOption,
        Gateway.PurposeOption,
        SeedCommand.Create(),
        StatusCommand.Create(),
        ClusterCommand.Create(),
        PingCommand.Create(),
        LoadCommand.Create(),
        DbCommand.Create(),
        TokenCommand.Create(),
        PaymentsCommand.Create(),
        ExperimentsCommand.Create(),
        BackupCommand.Create(),
        RestoreCommand.Create(),
        CertsCommand.Create(),
        AuditCommand.Create(),
    };
}
