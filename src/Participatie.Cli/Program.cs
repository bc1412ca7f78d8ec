using System.CommandLine;
using Participatie.Cli.Commands;

var root = new RootCommand("participatie: seed, inspect and check the Participatie platform through its gRPC gateway, run monthly payments, report experiments, keep its database schema current, back up and restore a Local data folder, and verify the audit log")
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
    AuditCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
