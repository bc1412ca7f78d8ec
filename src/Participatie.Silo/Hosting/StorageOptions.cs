namespace Participatie.Silo;

/// <summary>Where state lives (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Local (embedded SQLite file, the default), or Memory (tests only; everything is lost on stop).</summary>
    public StorageProfile Profile { get; set; } = StorageProfile.Local;

    /// <summary>The data folder of the Local profile; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Profile))
        {
            yield return $"{Section}:Profile must be one of {string.Join(", ", Enum.GetNames<StorageProfile>())}";
        }

        if (Profile == StorageProfile.Local && string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return $"{Section}:DataDirectory is required for the Local profile";
        }
    }
}

public enum StorageProfile
{
    Local = 1,
    Memory = 2,
}

/// <summary>The silo's place in a cluster (configuration section <c>Cluster</c>).</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    public string ClusterId { get; set; } = "participatie";

    public string ServiceId { get; set; } = "participatie";

    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for Orleans clients (e.g. a separate gateway host).</summary>
    public int GatewayPort { get; set; } = 30000;

    public IEnumerable<string> Problems()
    {
        if (SiloPort is < 1 or > 65535)
        {
            yield return $"{Section}:SiloPort must be a TCP port";
        }

        if (GatewayPort is < 1 or > 65535 || GatewayPort == SiloPort)
        {
            yield return $"{Section}:GatewayPort must be a TCP port other than {Section}:SiloPort";
        }
    }
}
