using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.TestingHost;

namespace Participatie.Grains.Tests.Fixtures;

/// <summary>What a test cluster's client knows of its silos.</summary>
internal static class ClusterManifests
{
    /// <summary>
    /// Waits until the client has the silo's manifest: it learns the grain types from the gateway after connecting, and
    /// a call made before that finds no implementation of the interface (seen once in CI on a freshly started cluster).
    /// </summary>
    public static async Task GrainTypesKnownAsync(TestCluster cluster)
    {
        var manifests = cluster.Client.ServiceProvider.GetRequiredService<IClusterManifestProvider>();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        if (Knows(manifests.Current))
        {
            return;
        }

        await foreach (var manifest in manifests.Updates.WithCancellation(bound.Token))
        {
            if (Knows(manifest))
            {
                return;
            }
        }

        static bool Knows(ClusterManifest manifest) => manifest.AllGrainManifests.Any(m => m.Grains.Count > 0);
    }
}
