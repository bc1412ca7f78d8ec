namespace Participatie.Grains.Platform;

/// <summary>The stored index of neighbourhoods and coaches.</summary>
[GenerateSerializer, Alias("participatie.state.Directory")]
public sealed class DirectoryState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchema;

    [Id(1)] public List<string> Neighbourhoods { get; set; } = [];

    [Id(2)] public List<string> Coaches { get; set; } = [];

    /// <summary>Experiment ids, sorted; experiments defined before this list existed are added when defined again.</summary>
    [Id(3)] public List<string> Experiments { get; set; } = [];
}
