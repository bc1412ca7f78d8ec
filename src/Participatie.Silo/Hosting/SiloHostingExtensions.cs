using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Participatie.Domain.Reintegration;
using Participatie.Gateway;
using Participatie.Grains.Infrastructure;
using Participatie.Silo.Storage;

namespace Participatie.Silo.Hosting;

/// <summary>Everything a silo host needs, chosen by configuration.</summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddParticipatieSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var storage = Settings<StorageOptions>(configuration, StorageOptions.Section, s => s.Problems());
        var cluster = Settings<ClusterSettings>(configuration, ClusterSettings.Section, c => c.Problems());

        builder.Services.AddValidatedOptions<ReintegrationPolicy>(configuration, "Reintegration", p => p.Problems());
        builder.Services.AddValidatedOptions<CaseloadOptions>(configuration, CaseloadOptions.Section, c => c.Problems());
        builder.Services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.Section, _ => []);
        builder.Services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton<IFaultPoints, NoFaults>();
        builder.Services.AddSingleton<JsonGrainStateSerializer>();
        builder.Services.AddSingleton<IGrainStorageSerializer>(sp => sp.GetRequiredService<JsonGrainStateSerializer>());

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.AddReminders();
            switch (storage.Profile)
            {
                case StorageProfile.Local:
                    silo.Services.AddSingleton<SqliteDatabase>();
                    silo.Services.AddGrainStorage(StorageNames.Provider, (sp, _) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp));
                    silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
                    break;
                case StorageProfile.Memory:
                    silo.AddMemoryGrainStorage(StorageNames.Provider);
                    silo.UseInMemoryReminderService();
                    break;
            }

            silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = TimeSpan.FromMinutes(30));
            silo.Configure<ReminderOptions>(configuration.GetSection("Reminders"));
        });

        builder.Services.AddParticipatieGateway(storage.Profile.ToString());
        return builder;
    }

    /// <summary>Binds a section now (the host needs it to build) and stops with every problem named by its key.</summary>
    private static T Settings<T>(IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems)
        where T : new()
    {
        var value = new T();
        configuration.GetSection(section).Bind(value);
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
