using System.CommandLine;
using Participatie.Cli.Commands;
using Participatie.TestSupport;

namespace Participatie.Cli.Tests;

/// <summary>Runs <c>participatie</c> in this process, as the program does, with its standard output and error captured.</summary>
internal static class CliRun
{
    // One root for all tests: the global options are static and would gain a parent per root built, from parallel
    // tests at once; parsing a built root is safe from many threads.
    private static readonly RootCommand Root = ParticipatieCommand.Create();

    public static async Task<CliResult> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Root.Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
