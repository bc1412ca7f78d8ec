using System.CommandLine;
using Participatie.Cli.Backup;

namespace Participatie.Cli.Commands;

/// <summary>
/// <c>participatie restore</c>: checks a backup made by <c>participatie backup</c> (manifest, sizes, checksums, integrity,
/// rows) and puts it into a data folder for a silo to start on.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The backup folder (with manifest.json)", Required = true };
        var data = BackupCommand.DataOption("The data folder to restore into; a new or empty one unless --force");
        var force = new Option<bool>("--force")
        {
            Description = "Replace the database files of a data folder that is not empty (refused while a silo has them open)",
        };
        var command = new Command("restore", "Restore a Local data folder from a backup: the backup is checked before anything is written; start the silo on the folder afterwards")
        {
            from, data, force,
        };
        command.SetAction((parseResult, cancellationToken) => BackupCommand.GuardAsync(parseResult, async () =>
        {
            var folder = Path.GetFullPath(parseResult.GetValue(data)!);
            var manifest = await LocalBackup.RestoreAsync(parseResult.GetValue(from)!, folder, parseResult.GetValue(force), cancellationToken);
            var writer = parseResult.InvocationConfiguration.Output;
            writer.WriteLine($"Restored the backup of {manifest.Source} taken {manifest.StartedAt:yyyy-MM-dd HH:mm:ss}Z into {folder}; every file matched its checksum");
            BackupCommand.WriteFiles(writer, manifest);
            writer.WriteLine($"Start the silo with --Storage:DataDirectory={folder} (or {BackupCommand.DataVariable}={folder}).");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
