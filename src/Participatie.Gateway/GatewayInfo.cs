namespace Participatie.Gateway;

/// <summary>What the gateway knows and tells operators about the host it runs in.</summary>
public sealed class GatewayInfo
{
    /// <summary>Local, PostgreSql or Memory.</summary>
    public string StorageProfile { get; set; } = "Unknown";

    /// <summary>Silo (grains in this process) or Gateway (an Orleans client of the cluster).</summary>
    public string Role { get; set; } = "Silo";

    public string ClusterId { get; set; } = "";

    public string ServiceId { get; set; } = "";

    /// <summary>How long a stopping host refuses new calls before it closes its ports.</summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    public bool DashboardEnabled { get; set; }

    /// <summary>
    /// The deadline of a call whose client set none (configuration <c>Gateway:DefaultDeadline</c>): no call holds the
    /// gateway for ever. A client's own shorter deadline wins.
    /// </summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(30);
}
