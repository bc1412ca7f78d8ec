using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Participatie.Domain.Benefits;
using Participatie.Domain.Participation;
using Participatie.Domain.Regimes;
using Participatie.Domain.Reintegration;
using Participatie.Domain.Validation;
using Npgsql;
using Participatie.Abstractions.Platform;
using Participatie.Gateway;
using Participatie.Gateway.Security;
using Participatie.Gateway.Security.Audit;
using Participatie.Grains.Infrastructure;
using Participatie.Grains.Search;
using Participatie.Silo.Storage;

namespace Participatie.Silo.Hosting;

/// <summary>Everything a host needs, chosen by configuration: its role, its storage profile, its place in the cluster.</summary>
public static class SiloHostingExtensions
{
    /// <summary>The ADO.NET invariant of the PostgreSql profile.</summary>
    public const string PostgresInvariant = "Npgsql";

    public static WebApplicationBuilder AddParticipatieHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var storage = Settings<StorageOptions>(configuration, StorageOptions.Section, s => s.Problems());
        var hosting = Settings<HostingOptions>(configuration, HostingOptions.Section, h => h.Problems(storage));
        var cluster = Settings<ClusterSettings>(configuration, ClusterSettings.Section, c => c.Problems());
        var telemetry = Settings<TelemetryOptions>(configuration, TelemetryOptions.Section, t => t.Problems());
        var dashboard = configuration.GetValue<bool>("Dashboard:Enabled");

        builder.Services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton<JsonGrainStateSerializer>();
        builder.Services.AddSingleton<IGrainStorageSerializer>(sp => sp.GetRequiredService<JsonGrainStateSerializer>());

        // A database failure inside a grain on another silo must reach the gateway as what it is (so the caller gets
        // UNAVAILABLE), not as a codec failure: let Orleans carry Npgsql's exceptions between silos and clients.
        builder.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));

        // The audit log lives in the profile's store, next to the state it is about (in the Local profile, a file of its
        // own beside the state file, with a writer of its own).
        switch (storage.Profile)
        {
            case StorageProfile.Local when hosting.Role == HostingRole.Silo:
                builder.Services.AddSingleton<SqliteDatabase>();
                builder.Services.AddSingleton<SqliteAuditDatabase>();
                builder.Services.AddSingleton<IAuditStore, SqliteAuditStore>();
                break;
            case StorageProfile.PostgreSql:
                builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(storage.ConnectionString));
                builder.Services.AddSingleton<IAuditStore, PostgresAuditStore>();
                break;
        }

        builder.Services.AddParticipatieSecurity(configuration, storage.Profile.ToString());

        if (hosting.Role == HostingRole.Silo)
        {
            builder.AddSilo(storage, cluster, dashboard);
        }
        else
        {
            builder.AddClusterClient(storage, cluster, dashboard);
        }

        builder.Services.AddParticipatieGateway(new GatewayInfo
        {
            StorageProfile = storage.Profile.ToString(),
            Role = hosting.Role.ToString(),
            ClusterId = cluster.ClusterId,
            ServiceId = cluster.ServiceId,
            DrainDelay = hosting.DrainDelay,
            DashboardEnabled = dashboard,
            DefaultDeadline = configuration.GetValue("Gateway:DefaultDeadline", TimeSpan.FromSeconds(30)),
        });
        builder.AddTelemetry(telemetry);
        return builder;
    }

    private static void AddSilo(this WebApplicationBuilder builder, StorageOptions storage, ClusterSettings cluster, bool dashboard)
    {
        var configuration = builder.Configuration;
        builder.Services.AddValidatedOptions<ReintegrationPolicy>(configuration, "Reintegration", p => p.Problems());
        builder.Services.AddValidatedOptions<CaseloadOptions>(configuration, CaseloadOptions.Section, c => c.Problems());
        builder.Services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.Section, _ => []);
        builder.Services.AddValidatedOptions<RetentionOptions>(configuration, RetentionOptions.Section, r => r.Problems());
        builder.Services.AddValidatedOptions<BenefitTable>(configuration, BenefitsSection, t => t.Problems());
        // Every figure a configured regime needs (experimental disregard, bonuses, basic benefit) must be in the table.
        builder.Services.AddValidatedOptions<RegimePolicy>(configuration, RegimePolicy.Section, p => p.Problems(Bound<BenefitTable>(configuration, BenefitsSection)));
        builder.Services.AddValidatedOptions<PaymentRunOptions>(configuration, PaymentRunOptions.Section, o => o.Problems());
        builder.Services.AddValidatedOptions<ParticipationPolicy>(configuration, ParticipationPolicy.Section, p => p.Problems());
        builder.Services.AddValidatedOptions<DateBounds>(configuration, DateBounds.Section, d => d.Problems(Bound<BenefitTable>(configuration, BenefitsSection)));
        builder.Services.AddSingleton<IFaultPoints, NoFaults>();

        builder.UseOrleans(silo =>
        {
            silo.AddReminders();
            silo.AddActivityPropagation();
            switch (storage.Profile)
            {
                case StorageProfile.Local:
                    silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                    silo.Services.AddGrainStorage(StorageNames.Provider, (sp, _) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp));
                    silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
                    silo.Services.AddSingleton<IClientDirectoryStore, SqliteClientDirectoryStore>();
                    silo.AddMemoryGrainStorage(LiveStreams.PubSubStore);
                    break;
                case StorageProfile.Memory:
                    silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                    silo.AddMemoryGrainStorage(StorageNames.Provider);
                    silo.UseInMemoryReminderService();
                    silo.Services.AddSingleton<IClientDirectoryStore, InMemoryClientDirectoryStore>();
                    silo.AddMemoryGrainStorage(LiveStreams.PubSubStore);
                    break;
                case StorageProfile.PostgreSql:
                    silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                    var advertised = AdvertisedAddress(cluster);
                    silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
                    silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresInvariant, storage.ConnectionString));
                    silo.AddAdoNetGrainStorage(StorageNames.Provider, o => (o.Invariant, o.ConnectionString) = (PostgresInvariant, storage.ConnectionString));
                    silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (PostgresInvariant, storage.ConnectionString));
                    silo.Services.AddSingleton<IClientDirectoryStore, PostgresClientDirectoryStore>();
                    // Subscriptions outlive the silo that holds them, so a watcher's subscription survives that silo's death.
                    silo.AddAdoNetGrainStorage(LiveStreams.PubSubStore, o => (o.Invariant, o.ConnectionString) = (PostgresInvariant, storage.ConnectionString));
                    break;
            }

            // Live screens: memory streams carry notices from grains to the watches of every silo's and gateway's
            // gRPC services. Their subscriptions are Orleans' own state, stored with Orleans' own serializer (our JSON
            // serializer is for our versioned state classes, not for Orleans' internal types).
            silo.AddMemoryStreams(LiveStreams.Provider);
            silo.Services.AddOptions<Orleans.Configuration.MemoryGrainStorageOptions>(LiveStreams.PubSubStore)
                .Configure<Orleans.Serialization.Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            silo.Services.AddOptions<Orleans.Configuration.AdoNetGrainStorageOptions>(LiveStreams.PubSubStore)
                .Configure<Orleans.Serialization.Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));

            if (dashboard)
            {
                silo.AddDashboard();
            }

            if (ClusterTls(configuration) is { } tls)
            {
                var (certificate, authorities) = (tls.LoadCertificate(), tls.LoadAuthorities());
                silo.UseTls(options => tls.Apply(options, certificate, authorities));
            }

            silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Cluster:Membership"));
            silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = TimeSpan.FromMinutes(30));
            silo.Configure<ReminderOptions>(configuration.GetSection("Reminders"));
        });
    }

    /// <summary>The cluster's TLS settings when TLS is on; a wrong setting stops the start with its key named.</summary>
    private static ClusterTlsOptions? ClusterTls(IConfiguration configuration)
    {
        var tls = new ClusterTlsOptions();
        configuration.GetSection(ClusterTlsOptions.Section).Bind(tls);
        if (tls.Problems().ToList() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(ClusterTlsOptions.Section, typeof(ClusterTlsOptions), problems);
        }

        return tls.Enabled ? tls : null;
    }

    /// <summary>The gateway role: the same gRPC services, calling grains of a cluster that runs elsewhere.</summary>
    private static void AddClusterClient(this WebApplicationBuilder builder, StorageOptions storage, ClusterSettings cluster, bool dashboard)
    {
        builder.UseOrleansClient(client =>
        {
            if (storage.Profile == StorageProfile.PostgreSql)
            {
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresInvariant, storage.ConnectionString));
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            }

            if (ClusterTls(builder.Configuration) is { } tls)
            {
                var (certificate, authorities) = (tls.LoadCertificate(), tls.LoadAuthorities());
                client.UseTls(options => tls.Apply(options, certificate, authorities));
            }

            client.AddMemoryStreams(LiveStreams.Provider);

            // Wait for the cluster rather than fail the start: silos and gateways may come up in any order.
            client.UseConnectionRetryFilter(async (_, cancellation) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                return !cancellation.IsCancellationRequested;
            });
            if (dashboard)
            {
                client.AddDashboard();
            }
        });
    }

    private static IPAddress AdvertisedAddress(ClusterSettings cluster)
    {
        if (cluster.AdvertisedAddress.Length > 0)
        {
            return IPAddress.Parse(cluster.AdvertisedAddress);
        }

        var found = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return found ?? IPAddress.Loopback;
    }

    /// <summary>The dated benefit figures (an example is in Participatie.Domain/Benefits/benefits.example.json).</summary>
    public const string BenefitsSection = "Benefits";

    private static T Bound<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var value = new T();
        configuration.GetSection(section).Bind(value);
        return value;
    }

    /// <summary>Binds a section now (the host needs it to build) and stops with every problem named by its key.</summary>
    private static T Settings<T>(IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems)
        where T : new()
    {
        var value = Bound<T>(configuration, section);
        var found = problems(value).ToList();
        return found.Count == 0 ? value : throw new OptionsValidationException(section, typeof(T), found);
    }

    private static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new ProblemsValidator<T>(problems));
    }

    private sealed class ProblemsValidator<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
