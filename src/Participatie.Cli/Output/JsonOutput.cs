using Google.Protobuf;

namespace Participatie.Cli.Output;

/// <summary>Replies printed as JSON (<c>--json</c>): the contract's JSON mapping, indented, with every field shown.</summary>
internal static class JsonOutput
{
    public static JsonFormatter Formatter { get; } = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation("  "));
}
