using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Participatie.Silo.Hosting;

/// <summary>OpenTelemetry metrics and traces, exported over OTLP when <c>Telemetry:OtlpEndpoint</c> is set.</summary>
public static class TelemetryExtensions
{
    /// <summary>Orleans' own meter (activations, messages, storage, reminders, membership).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder, TelemetryOptions telemetry)
    {
        if (!telemetry.Enabled)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter(OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter((exporter, reader) =>
                {
                    Configure(exporter, telemetry, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)telemetry.MetricInterval.TotalMilliseconds;
                }))
            .WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime")
                .AddSource("Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(exporter => Configure(exporter, telemetry, "v1/traces")));
        return builder;
    }

    /// <summary>OTLP over gRPC takes the collector's address as it is; OTLP over HTTP needs each signal's path.</summary>
    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions telemetry, string signalPath)
    {
        var endpoint = new Uri(telemetry.OtlpEndpoint);
        if (telemetry.Protocol == OtlpProtocol.HttpProtobuf)
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = endpoint.AbsolutePath.Trim('/').Length == 0 ? new Uri(endpoint, signalPath) : endpoint;
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = endpoint;
        }
    }
}
