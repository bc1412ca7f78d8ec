using System.CommandLine;
using System.Globalization;
using Participatie.Cli.Certificates;

namespace Participatie.Cli.Commands;

/// <summary>
/// <c>participatie certs</c>: makes (or renews) the private CA and node certificates that <c>Cluster:Tls</c> reads, for
/// a cluster without a certificate manager. The compose example runs it before the silos start.
/// </summary>
internal static class CertsCommand
{
    public static Command Create()
    {
        var folder = new Option<string>("--folder") { Description = "Where ca.crt/ca.key and <node>.crt/<node>.key are kept", Required = true };
        var nodes = new Option<string[]>("--node")
        {
            Description = "A node that needs a certificate (its host name, e.g. silo1); repeat for each",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        nodes.Validators.Add(result =>
        {
            foreach (var node in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!ClusterCertificates.IsNodeName(node))
                {
                    result.AddError($"--node {node}: must be a host name of lower-case letters, digits and hyphens (and not \"{ClusterCertificates.AuthorityName}\")");
                }
            }
        });
        var days = new Option<int>("--days") { Description = "Lifetime of a node certificate in days (7-825)", DefaultValueFactory = _ => 365 };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 7 or > 825)
            {
                result.AddError("--days must be between 7 and 825");
            }
        });
        var renewDays = new Option<int>("--renew-days") { Description = "Issue a node certificate again when it expires within this many days", DefaultValueFactory = _ => 30 };

        var command = new Command("certs", "Create the cluster's private CA and a TLS certificate per node (Cluster:Tls), or renew node certificates that expire soon; keeps what is valid")
        {
            folder, nodes, days, renewDays,
        };
        command.SetAction(parseResult =>
        {
            var lifetime = TimeSpan.FromDays(parseResult.GetValue(days));
            var renew = TimeSpan.FromDays(Math.Clamp(parseResult.GetValue(renewDays), 0, parseResult.GetValue(days) - 1));
            var changes = ClusterCertificates.Ensure(parseResult.GetValue(folder)!, parseResult.GetValue(nodes)!, lifetime, renew, TimeProvider.System);
            var output = parseResult.InvocationConfiguration.Output;
            foreach (var change in changes)
            {
                var verb = change.Change switch
                {
                    CertificateChange.Created => "created",
                    CertificateChange.Renewed => "renewed",
                    _ => "kept   ",
                };
                output.WriteLine($"{verb} {change.Name,-20} valid until {change.NotAfter.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
