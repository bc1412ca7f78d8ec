using System.Text.Json;

namespace Participatie.Cli.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup folder, written last: a folder without it is a backup that did not finish. It
/// names each file in the order it was copied, with what <c>participatie restore</c> checks before it writes anything.
/// </summary>
/// <param name="Format">The layout of the folder; a restore refuses a format it does not know.</param>
/// <param name="StartedAt">When the copy of the first file began (UTC).</param>
/// <param name="CompletedAt">When the copy of the last file ended (UTC).</param>
/// <param name="Source">The data folder that was copied.</param>
/// <param name="Files">The database files, in the order they were copied.</param>
internal sealed record BackupManifest(int Format, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, string Source, IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";

    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The manifest in <paramref name="json"/>, or null when it is not one.</summary>
    public static BackupManifest? FromJson(string json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            return manifest is { Files: not null, Source: not null } && manifest.Files.All(f => f is { Name: not null, Sha256: not null, Rows: not null })
                ? manifest
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One database file of a backup.</summary>
/// <param name="Name">The file's name, the same in the backup and in the data folder (<c>participatie.db</c>, <c>audit.db</c>).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hex.</param>
/// <param name="Rows">Rows per table, counted in the copy.</param>
/// <param name="LastAuditSequence">The highest audit-log sequence in the copy (audit files only).</param>
internal sealed record BackupFile(string Name, long Bytes, string Sha256, IReadOnlyDictionary<string, long> Rows, long? LastAuditSequence);
