using System.Text.Json.Nodes;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Hosting;

/// <summary>The configuration the host ships with holds DOMAIN.md's figures as the domain's example table has them.</summary>
public sealed class ShippedConfigurationTests
{
    [Fact]
    public void TheShippedBenefitTableIsTheDomainsExampleTable()
    {
        var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/Participatie.Silo/appsettings.json")))!["Benefits"];
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/Participatie.Domain/Benefits/benefits.example.json")))!["Benefits"];

        Assert.True(JsonNode.DeepEquals(example, shipped), "src/Participatie.Silo/appsettings.json's Benefits section differs from benefits.example.json");
        Assert.Equal(18, shipped!["Entries"]!.AsArray().Count);
    }
}
