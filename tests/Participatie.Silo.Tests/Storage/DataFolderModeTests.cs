using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Participatie.Silo.Storage;

namespace Participatie.Silo.Tests.Storage;

/// <summary>The data folder holds people's data: only the platform's own user may read it, also the journal files.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderModeTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-mode-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task ANewDataFolderAndItsFilesAreTheOwnersAlone()
    {
        await using var database = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));
        await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "CREATE TABLE IF NOT EXISTS mode_probe (x INTEGER)";
            return await command.ExecuteNonQueryAsync();
        });

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_data));
        var files = Directory.GetFiles(_data);
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task AnExistingFolderAndFileOfAWiderModeAreNarrowed()
    {
        Directory.CreateDirectory(_data, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var file = Path.Combine(_data, "participatie.db");
        await File.WriteAllBytesAsync(file, []);
        File.SetUnixFileMode(file, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var database = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = _data }));

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_data));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
    }
}
