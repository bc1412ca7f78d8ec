using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>With an OTLP endpoint configured, the host exports metrics and traces to it; without one it exports nothing.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task MetricsAndTracesReachTheConfiguredCollector()
    {
        // Completed by the collector when the first batch of each signal arrives: the test awaits the exports themselves.
        var received = new Dictionary<string, TaskCompletionSource>(StringComparer.Ordinal)
        {
            ["metrics"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
            ["traces"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        // A stand-in collector: OTLP over HTTP is a protobuf POST per batch to /v1/metrics and /v1/traces.
        var port = SiloHost.FreePort();
        // Its own content root: the test folder holds the silo's appsettings.json, whose Kestrel endpoints would win.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.CreateTempSubdirectory("otlp-").FullName });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (request.ContentType == "application/x-protobuf" && body.Length > 0 && received.TryGetValue(signal, out var arrived))
            {
                arrived.TrySetResult();
            }

            return Results.Ok();
        });
        await collector.StartAsync();

        await using (var host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string>
        {
            ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}",
            ["Telemetry:Protocol"] = "HttpProtobuf",
            ["Telemetry:MetricInterval"] = "00:00:00.500",
            ["Telemetry:ServiceName"] = "participatie-test",
        }))
        {
            var neighbourhoods = new NeighbourhoodService.NeighbourhoodServiceClient(host.Channel);
            await neighbourhoods.CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-otel", Name = "Oud-Charlois", Municipality = "Rotterdam" });
            await new ClientService.ClientServiceClient(host.Channel).RegisterClientAsync(SampleRequests.Intake("wk-otel"));

            // The calls' spans and the next metric interval are exported on their own; a minute is far more than either takes.
            try
            {
                await Task.WhenAll(received.Values.Select(signal => signal.Task)).WaitAsync(TimeSpan.FromMinutes(1));
            }
            catch (TimeoutException)
            {
                // The assertions below say which signal never came.
            }
        }

        Assert.True(received["metrics"].Task.IsCompleted, "no metrics were exported");
        Assert.True(received["traces"].Task.IsCompleted, "no traces were exported");
    }
}
