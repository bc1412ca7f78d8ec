using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Participatie.Postgres;

/// <summary>One schema script from <c>deploy/postgres/</c>, as built into this assembly.</summary>
public sealed record SchemaScript(string Name, string Sql)
{
    private const string Prefix = "schema/";

    /// <summary>SHA-256 of the script text (hex): a changed script is applied again.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>Every script, in the order of their file names (which start with a number).</summary>
    public static IReadOnlyList<SchemaScript> All { get; } = Load();

    private static List<SchemaScript> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return new SchemaScript(name[Prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }
}
