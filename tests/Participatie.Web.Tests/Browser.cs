using Microsoft.Playwright;

namespace Participatie.Web.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright: never a browser Playwright downloads. Playwright's driver runs on Node.js;
/// where its package brings no Node of its own, the machine's is used (PLAYWRIGHT_NODEJS_PATH).
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The flags the machine's closed network needs: no background connections, no first-run work.</summary>
    public static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    /// <summary>The built web app (npm run build, which the silo's build runs when Node.js is here).</summary>
    public static string BundleDirectory { get; } = Path.Combine(TestSupport.RepositoryRoot.Path, "src", "Participatie.Web", "dist");

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? Missing()
    {
        if (!File.Exists(ChromiumPath))
        {
            return $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium); CI installs it and runs these tests.";
        }

        if (NodePath() is null)
        {
            return "Node.js is not on the PATH: Playwright's driver needs it (and the web app's build too); CI runs these tests.";
        }

        if (!File.Exists(Path.Combine(BundleDirectory, "index.html")))
        {
            return $"The web app is not built ({BundleDirectory}): build with Node.js present (dotnet build builds it); CI runs these tests.";
        }

        return null;
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (Environment.GetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH") is null && !BundledNodeExists() && NodePath() is { } node)
        {
            Environment.SetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH", node);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
        });
        return (playwright, browser);
    }

    private static bool BundledNodeExists() =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, ".playwright", "node"))
        && Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, ".playwright", "node"), "node*", SearchOption.AllDirectories).Any();

    private static string? NodePath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "node"))
            .FirstOrDefault(File.Exists);
}

/// <summary>
/// A test in a real browser. Where Chromium, Node.js or the built app is missing it is skipped on a developer's machine
/// with the reason, and it runs (and fails, naming the cause) in CI, which must never skip it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Missing() is { } reason && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = reason;
        }
    }
}
