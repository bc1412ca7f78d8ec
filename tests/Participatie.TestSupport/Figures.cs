using System.Globalization;

namespace Participatie.TestSupport;

/// <summary>
/// Figures a test measured (never asserted on): appended to <c>TestResults/figures.md</c> at the repository root,
/// which <c>.ci/run</c> prints at the end, so the numbers of every run can be read back.
/// </summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static void Record(string test, string text)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "TestResults");
        Directory.CreateDirectory(folder);
        lock (Gate)
        {
            File.AppendAllText(
                Path.Combine(folder, "figures.md"),
                string.Create(CultureInfo.InvariantCulture, $"- {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z {test}: {text}{Environment.NewLine}"));
        }
    }
}
