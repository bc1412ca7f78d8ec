using System.Globalization;

namespace Participatie.Fuzz.Tests;

/// <summary>
/// The seed and budget of a fuzz run. The default seed is fixed, so every run tries the same inputs; set
/// <c>PARTICIPATIE_FUZZ_SEED</c> to another number (or to <c>random</c>) to explore, and to a logged seed to replay.
/// </summary>
internal static class FuzzSettings
{
    public const int DefaultSeed = 20_260_601;
    public const int DefaultBudgetPerRpc = 200;

    public static int Seed { get; } = ReadSeed();

    /// <summary>Generated inputs per RPC, on top of the fixed cases (size limits) every RPC gets.</summary>
    public static int BudgetPerRpc { get; } = ReadInt("PARTICIPATIE_FUZZ_BUDGET", DefaultBudgetPerRpc);

    /// <summary>Each fuzz call gets this deadline: a reply that does not come in time is a hang, and a failure.</summary>
    public static TimeSpan CallDeadline { get; } = TimeSpan.FromSeconds(20);

    private static int ReadSeed()
    {
        var text = Environment.GetEnvironmentVariable("PARTICIPATIE_FUZZ_SEED");
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultSeed;
        }

        return text.Trim().Equals("random", StringComparison.OrdinalIgnoreCase)
            ? Random.Shared.Next()
            : int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    private static int ReadInt(string name, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(text) ? fallback : int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
