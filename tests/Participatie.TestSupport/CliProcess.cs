using System.Diagnostics;

namespace Participatie.TestSupport;

/// <summary>What a run of the <c>participatie</c> command line ended with.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- standard output\n{Output}\n--- standard error\n{Error}";
}

/// <summary>
/// The <c>participatie</c> command line as an operating-system process, started from the CLI project's own build
/// output, as an admin runs it: its exit code and what it printed are what a test checks.
/// </summary>
public static class CliProcess
{
    /// <summary>The build output of src/Participatie.Cli in the configuration these tests were built in.</summary>
    public static string CliAssembly { get; } = FindCliAssembly();

    public static async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    private static string FindCliAssembly()
    {
        // tests/<project>/bin/<Configuration>/<tfm>/ → src/Participatie.Cli/bin/<Configuration>/<tfm>/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot.Path, "src", "Participatie.Cli", "bin", here.Parent!.Name, here.Name, "participatie.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The CLI is not built: {path} (build the solution first)");
    }
}
