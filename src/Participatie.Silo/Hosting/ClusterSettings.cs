using System.Net;

namespace Participatie.Silo;

/// <summary>The silo's place in a cluster (configuration section <c>Cluster</c>).</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "participatie";

    /// <summary>Keys every stored grain state row: never change it once data exists.</summary>
    public string ServiceId { get; set; } = "participatie";

    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for Orleans clients (e.g. a separate gateway host).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The IP address other silos and gateways reach this silo on (in Kubernetes the pod IP). Empty: loopback in the
    /// Local profile, this machine's first non-loopback address in the PostgreSql profile.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "";

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            yield return $"{Section}:ClusterId and {Section}:ServiceId must not be empty";
        }

        if (SiloPort is < 1 or > 65535)
        {
            yield return $"{Section}:SiloPort must be a TCP port";
        }

        if (GatewayPort is < 1 or > 65535 || GatewayPort == SiloPort)
        {
            yield return $"{Section}:GatewayPort must be a TCP port other than {Section}:SiloPort";
        }

        if (AdvertisedAddress.Length > 0 && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return $"{Section}:AdvertisedAddress must be an IP address";
        }
    }
}
