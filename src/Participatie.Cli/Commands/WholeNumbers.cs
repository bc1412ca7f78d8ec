using System.CommandLine;

namespace Participatie.Cli.Commands;

/// <summary>Range checks of whole-number options, made while the command line is parsed.</summary>
internal static class WholeNumbers
{
    /// <summary>
    /// Refuses a value outside <paramref name="minimum"/>–<paramref name="maximum"/> with <paramref name="message"/>.
    /// A value that is not a whole number is left to the parser, which names it: System.CommandLine runs an option's
    /// validators before it converts the value, and reading such a value there throws (dotnet/command-line-api#2645).
    /// </summary>
    public static void MustLieWithin(this Option<int> option, int minimum, int maximum, string message) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && !int.TryParse(token.Value, out _))
            {
                return;
            }

            if (result.GetValueOrDefault<int>() is var value && (value < minimum || value > maximum))
            {
                result.AddError(message);
            }
        });
}
