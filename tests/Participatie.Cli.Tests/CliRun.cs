using System.CommandLine;
using Participatie.Cli.Commands;
using Participatie.TestSupport;

namespace Participatie.Cli.Tests;

/// <summary>Runs <c>participatie</c> in this process, as the program does, with its standard output and error captured.</summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ParticipatieCommand.Create().Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
