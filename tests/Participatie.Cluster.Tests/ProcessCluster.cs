using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Cluster.Tests;

/// <summary>Several silo processes sharing one PostgreSQL database, as admins run them.</summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];

    private ProcessCluster(string connectionString, string clusterId)
    {
        ConnectionString = connectionString;
        ClusterId = clusterId;
    }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>
    /// Settings every process of the cluster shares. Membership is tuned for tests: a silo that stops answering is
    /// declared dead after three missed one-second probes instead of Orleans' defaults.
    /// </summary>
    public Dictionary<string, string> Settings(string role = "Silo") => new()
    {
        ["Hosting:Role"] = role,
        ["Storage:Profile"] = "PostgreSql",
        ["Storage:ConnectionString"] = ConnectionString,
        ["Cluster:ClusterId"] = ClusterId,
        ["Cluster:ServiceId"] = "participatie-tests",
        ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        ["Cluster:Membership:ProbeTimeout"] = "00:00:01",
        ["Cluster:Membership:NumMissedProbesLimit"] = "3",
        ["Cluster:Membership:TableRefreshTimeout"] = "00:00:05",
        ["Cluster:Membership:IAmAliveTablePublishTimeout"] = "00:00:05",
    };

    public static async Task<ProcessCluster> StartAsync(string connectionString, int silos, IDictionary<string, string>? extra = null)
    {
        var cluster = new ProcessCluster(connectionString, "tests-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            // The first silo creates the cluster's membership version row; the others join it, together.
            await cluster.AddSiloAsync(extra);
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => cluster.AddSiloAsync(extra)));
            // Generous: CI runs cluster classes side by side with other test assemblies on two cores; the wait ends as soon as it holds.
            await cluster.WaitForActiveSilosAsync(silos, TimeSpan.FromSeconds(180));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task<SiloProcess> AddSiloAsync(IDictionary<string, string>? extra = null)
    {
        var settings = Settings();
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        string name;
        lock (_silos)
        {
            name = $"silo{_silos.Count + 1}";
        }

        var silo = await SiloProcess.StartAsync(name, settings);
        lock (_silos)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    /// <summary>Asks a live silo until the cluster reports this many active silos.</summary>
    public async Task<GetClusterStatusResponse> WaitForActiveSilosAsync(int count, TimeSpan within)
    {
        var started = DateTime.UtcNow;
        GetClusterStatusResponse? last = null;
        while (DateTime.UtcNow - started < within)
        {
            foreach (var silo in _silos.Where(s => !s.HasExited))
            {
                try
                {
                    last = await new AdminService.AdminServiceClient(silo.Channel)
                        .GetClusterStatusAsync(new GetClusterStatusRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                    if (last.ActiveSilos == count)
                    {
                        return last;
                    }

                    break;
                }
                catch (RpcException)
                {
                    // Try the next silo.
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The cluster did not reach {count} active silos within {within}; last status: {last}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
