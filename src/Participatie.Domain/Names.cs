namespace Participatie.Domain;

/// <summary>How enum values are named where people and callers read them: snake_case, as in the public contract.</summary>
internal static class Names
{
    /// <summary>The snake_case name of an enum value, e.g. <c>WithinCut</c> → <c>within_cut</c>.</summary>
    public static string Snake<T>(T value)
        where T : struct, Enum => SnakeCase(value.ToString());

    /// <summary>Turns PascalCase into snake_case.</summary>
    public static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
