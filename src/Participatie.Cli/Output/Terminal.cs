using Spectre.Console;

namespace Participatie.Cli.Output;

/// <summary>
/// A Spectre.Console console over one of a command's writers. Colours, live redrawing and the terminal's width only
/// where the writer is the process's standard output or error and that is a terminal; anywhere else (a pipe, a file,
/// a test's writer) plain text without escape codes and never wrapped, so scripts and logs read it as before.
/// </summary>
internal static class Terminal
{
    // Wider than any table the CLI prints.
    private const int Unwrapped = 4096;

    /// <param name="writer">Where to write.</param>
    /// <param name="wrap">
    /// Whether to fit a terminal's width. Tables do not: Spectre would wrap each cell within its column, and a row is
    /// easier to read, and to copy, as one line that the terminal wraps.
    /// </param>
    public static IAnsiConsole For(TextWriter writer, bool wrap = true)
    {
        var output = new AnsiConsoleOutput(writer);
        var terminal = output.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal || !wrap)
        {
            console.Profile.Width = Unwrapped;
        }

        return console;
    }
}
