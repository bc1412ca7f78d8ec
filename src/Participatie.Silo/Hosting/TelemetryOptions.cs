namespace Participatie.Silo;

/// <summary>OpenTelemetry export (configuration section <c>Telemetry</c>); off until an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP collector address, e.g. <c>http://otel-collector:4317</c>; empty switches export off.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>The service name every metric and span carries.</summary>
    public string ServiceName { get; set; } = "participatie";

    /// <summary>Grpc (port 4317 on most collectors) or HttpProtobuf (port 4318).</summary>
    public OtlpProtocol Protocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>How often metrics are exported.</summary>
    public TimeSpan MetricInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => OtlpEndpoint.Length > 0;

    public IEnumerable<string> Problems()
    {
        if (Enabled && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return $"{Section}:OtlpEndpoint must be an absolute URI such as http://otel-collector:4317";
        }

        if (!Enum.IsDefined(Protocol))
        {
            yield return $"{Section}:Protocol must be Grpc or HttpProtobuf";
        }

        if (MetricInterval < TimeSpan.FromMilliseconds(100) || MetricInterval > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:MetricInterval must be between 00:00:00.1 and 01:00:00";
        }

        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            yield return $"{Section}:ServiceName must not be empty";
        }
    }
}

public enum OtlpProtocol
{
    Grpc = 1,
    HttpProtobuf = 2,
}
