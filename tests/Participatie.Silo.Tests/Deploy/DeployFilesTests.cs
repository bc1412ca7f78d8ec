using Participatie.Postgres;
using Participatie.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Participatie.Silo.Tests.Deploy;

/// <summary>
/// No Docker engine or Kubernetes cluster runs here, so the files in deploy/ are checked for what can be checked:
/// they parse, they name what Kubernetes needs, and they stay in step with the projects and settings they refer to.
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string DeployFolder = Path.Combine(Root, "deploy");

    public static TheoryData<string> YamlFiles() =>
        [.. Directory.GetFiles(DeployFolder, "*.y*ml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).Order()];

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void EveryYamlFileParses(string file)
    {
        var documents = Load(file);
        Assert.NotEmpty(documents);
        if (file.Contains("kubernetes", StringComparison.Ordinal))
        {
            Assert.All(documents, d =>
            {
                Assert.False(string.IsNullOrEmpty(Scalar(d, "apiVersion")), $"{file}: a document without apiVersion");
                Assert.False(string.IsNullOrEmpty(Scalar(d, "kind")), $"{file}: a document without kind");
                Assert.False(string.IsNullOrEmpty(Scalar(d, "metadata", "name")) && Scalar(d, "kind") != "Kustomization", $"{file}: a document without metadata.name");
            });
        }
    }

    [Fact]
    public void TheSiloDeploymentProbesTheHealthEndpointsTheHostServes()
    {
        var deployment = Load("deploy/kubernetes/silo-deployment.yaml").Single(d => Scalar(d, "kind") == "Deployment");
        var text = File.ReadAllText(Path.Combine(Root, "deploy/kubernetes/silo-deployment.yaml"));
        Assert.NotNull(Node(deployment, "spec", "template", "spec"));
        Assert.Contains("readinessProbe", text, StringComparison.Ordinal);
        Assert.Contains("livenessProbe", text, StringComparison.Ordinal);
        Assert.Contains("/health/ready", text, StringComparison.Ordinal);
        Assert.Contains("/health/live", text, StringComparison.Ordinal);
        Assert.Contains("status.podIP", text, StringComparison.Ordinal);
        Assert.Contains("Cluster__AdvertisedAddress", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheKustomizationListsFilesThatExist()
    {
        var kustomization = Load("deploy/kubernetes/kustomization.yaml").Single();
        var resources = (YamlSequenceNode)Node(kustomization, "resources")!;
        Assert.All(resources.Children.Cast<YamlScalarNode>(), r => Assert.True(File.Exists(Path.Combine(DeployFolder, "kubernetes", r.Value!)), $"{r.Value} is listed but missing"));
    }

    [Fact]
    public void TheComposeFileRunsPostgresAMigrationThreeSilosAndAGateway()
    {
        var compose = Load("deploy/compose/compose.yaml").Single();
        var services = ((YamlMappingNode)Node(compose, "services")!).Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value).ToList();
        Assert.Superset(new HashSet<string?> { "postgres", "migrate", "certs", "silo1", "silo2", "silo3", "gateway" }, services.ToHashSet());
    }

    [Fact]
    public void InComposeEverySiloAndTheGatewaySpeakTlsWithACertificateOfItsOwnThatTheCertsServiceMakes()
    {
        using var reader = new StreamReader(Path.Combine(Root, "deploy/compose/compose.yaml"));
        var compose = new YamlDotNet.Serialization.DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(new YamlDotNet.Core.MergingParser(new YamlDotNet.Core.Parser(reader)));
        var services = (Dictionary<object, object>)compose["services"];
        var certs = string.Join(' ', (List<object>)((Dictionary<object, object>)services["certs"])["entrypoint"]);

        foreach (var node in new[] { "silo1", "silo2", "silo3", "gateway" })
        {
            var service = (Dictionary<object, object>)services[node];
            var environment = (Dictionary<object, object>)service["environment"];
            Assert.Equal(("true", $"/var/lib/participatie-certs/{node}.crt", $"/var/lib/participatie-certs/{node}.key", "/var/lib/participatie-certs/ca.crt"), (
                environment["Cluster__Tls__Enabled"], environment["Cluster__Tls__CertificatePath"], environment["Cluster__Tls__KeyPath"], environment["Cluster__Tls__CaPath"]));
            var volume = Assert.Single(((List<object>)service["volumes"]).OfType<Dictionary<object, object>>(), v => Equals(v["source"], "cluster-certs"));
            Assert.Equal(("cluster-certs", "/var/lib/participatie-certs", "true"), (volume["source"], volume["target"], volume["read_only"]));
            Assert.Contains($"--node {node}", certs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheDockerfileCopiesEveryProjectTheImageBuildsAndPublishesSiloAndCli()
    {
        var dockerfile = File.ReadAllText(Path.Combine(DeployFolder, "docker", "Dockerfile"));
        foreach (var project in Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, project).Replace('\\', '/');
            Assert.Contains($"COPY {relative}", dockerfile, StringComparison.Ordinal);
        }

        Assert.Contains("dotnet publish src/Participatie.Silo", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/Participatie.Cli", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY deploy/postgres/", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySchemaScriptIsBuiltIntoTheMigrator()
    {
        var files = Directory.GetFiles(Path.Combine(DeployFolder, "postgres"), "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files, SchemaScript.All.Select(s => s.Name));
    }

    private static List<YamlNode> Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(Root, file));
        var stream = new YamlStream();
        stream.Load(reader);
        return [.. stream.Documents.Select(d => d.RootNode)];
    }

    private static YamlNode? Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static string? Scalar(YamlNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;
}
