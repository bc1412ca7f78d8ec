namespace Participatie.Silo;

/// <summary>What this process is (configuration section <c>Hosting</c>).</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Silo (the default: grains and the gRPC gateway in one process) or Gateway (gRPC only, an Orleans client of the cluster).</summary>
    public HostingRole Role { get; set; } = HostingRole.Silo;

    /// <summary>
    /// How long a stopping host keeps refusing new calls with UNAVAILABLE before it closes its ports, so that load
    /// balancers see readiness go false first. In-flight calls always finish.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    public IEnumerable<string> Problems(StorageOptions storage)
    {
        if (!Enum.IsDefined(Role))
        {
            yield return $"{Section}:Role must be one of {string.Join(", ", Enum.GetNames<HostingRole>())}";
        }

        if (Role == HostingRole.Gateway && storage.Profile != StorageProfile.PostgreSql)
        {
            yield return $"{Section}:Role Gateway needs the cluster's database (for membership and the audit log): set {StorageOptions.Section}:Profile to PostgreSql";
        }

        if (DrainDelay < TimeSpan.Zero || DrainDelay > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:DrainDelay must be between 00:00:00 and 00:05:00";
        }
    }
}

public enum HostingRole
{
    Silo = 1,
    Gateway = 2,
}
