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
    public async Task AWrongSettingStopsTheHostNamingTheKey(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => SiloHost.StartAsync("Memory", settings: new Dictionary<string, string> { [key] = value }));

        var message = failure is OptionsValidationException validation ? string.Join("; ", validation.Failures) + validation.OptionsName : failure.Message;
        Assert.Contains(named, message);
    }
}
