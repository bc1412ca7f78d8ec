using Microsoft.Extensions.Options;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>A wrong setting stops the host at start with a message that names the key.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Storage:Profile", "Bogus", "Storage")]
    [InlineData("Caseload:DefaultLimit", "0", "Caseload:DefaultLimit")]
    [InlineData("Reintegration:Models:0:CutMonths", "0", "Reintegration:Models:0:CutMonths")]
    [InlineData("Cluster:GatewayPort", "0", "Cluster:GatewayPort")]
    [InlineData("Cluster:AdvertisedAddress", "silo-1.example", "Cluster:AdvertisedAddress")]
    [InlineData("Storage:Profile", "PostgreSql", "Storage:ConnectionString")]
    [InlineData("Hosting:Role", "Gateway", "Hosting:Role")]
    [InlineData("Hosting:Role", "Client", "Hosting:Role")]
    [InlineData("Hosting:DrainDelay", "01:00:00", "Hosting:DrainDelay")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint")]
    [InlineData("Telemetry:MetricInterval", "00:00:00", "Telemetry:MetricInterval")]
    [InlineData("Benefits:Entries:0:Cents", "-1", "Benefits:Entries:0:Cents")]
    [InlineData("Benefits:Entries:3:EffectiveFrom", "2024-07-15", "Benefits:Entries:3:EffectiveFrom")]
    [InlineData("Regimes:Defaults:0:CaseloadCap", "0", "Regimes:Defaults:0:CaseloadCap")]
    [InlineData("Regimes:Defaults:0:BenefitLevel", "OptInBasic", "Regimes:Defaults:0:BenefitLevel")]
    [InlineData("Regimes:Trajectories:0:BenefitLevel", "OptInBasic", "Regimes:Trajectories:0 needs a figure for BasicBenefitPercent")]
    [InlineData("PaymentRuns:BatchSize", "0", "PaymentRuns:BatchSize")]
    [InlineData("Dates:FirstMonth", "2023-12", "Dates:FirstMonth must not be before the benefit table's first figures")]
    [InlineData("Dates:FirstMonth", "januari", "Dates:FirstMonth")]
    [InlineData("Dates:HorizonMonths", "0", "Dates:HorizonMonths")]
    [InlineData("Dates:BackdatingMonths", "-1", "Dates:BackdatingMonths")]
    [InlineData("Audit:CheckpointFolder", "checkpoints-without-a-key", "Audit:CheckpointKey")]
    [InlineData("Audit:CheckpointInterval", "00:00:00", "Audit:CheckpointInterval")]
    public async Task AWrongSettingStopsTheHostNamingTheKey(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => SiloHost.StartAsync("Memory", settings: new Dictionary<string, string> { [key] = value }));

        var message = failure is OptionsValidationException validation ? string.Join("; ", validation.Failures) + validation.OptionsName : failure.Message;
        Assert.Contains(named, message);
    }
}
