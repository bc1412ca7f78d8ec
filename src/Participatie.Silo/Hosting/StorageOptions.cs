namespace Participatie.Silo;

/// <summary>Where state lives (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Local (embedded SQLite file, the default), PostgreSql (production cluster) or Memory (tests only).</summary>
    public StorageProfile Profile { get; set; } = StorageProfile.Local;

    /// <summary>The data folder of the Local profile; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Npgsql connection string of the PostgreSql profile (a secret: keep it out of files in source control).</summary>
    public string ConnectionString { get; set; } = "";

    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Profile))
        {
            yield return $"{Section}:Profile must be one of {string.Join(", ", Enum.GetNames<StorageProfile>())}";
        }

        if (Profile == StorageProfile.Local && string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return $"{Section}:DataDirectory is required for the Local profile";
        }

        if (Profile == StorageProfile.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{Section}:ConnectionString is required for the PostgreSql profile";
        }
    }
}

public enum StorageProfile
{
    Local = 1,
    Memory = 2,
    PostgreSql = 3,
}
