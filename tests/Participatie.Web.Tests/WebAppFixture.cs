using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Web.Tests;

/// <summary>
/// A silo (Memory profile, development sign-in on, the Orleans Dashboard on) serving the built web app, a small caseload seeded through the
/// gateway, and Debian's Chromium. Shared by the browser tests of a collection; each test opens its own browser context.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private SiloHost? _host;

    public SiloHost Host => _host ?? throw new InvalidOperationException("The fixture has not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started");

    public CoachCaseload Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Tests.Browser.Missing() is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            return;
        }

        _host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string>
        {
            ["Auth:AllowDevelopmentKey"] = "true",
            ["WebApp:Root"] = Tests.Browser.BundleDirectory,
            ["Dashboard:Enabled"] = "true",
        });
        Seed = await CoachCaseload.SeedAsync(_host);
        (_playwright, _browser) = await Tests.Browser.LaunchAsync();

        // Generous waits: CI runs these beside every other test assembly on two cores. A wait ends as soon as it holds.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (its own session storage) on the silo's web endpoint.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.WebAddress,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}

/// <summary>A neighbourhood, a coach with three people, and someone in another coach's caseload.</summary>
public sealed record CoachCaseload(string NeighbourhoodId, string CoachId, IReadOnlyList<(string ClientId, string GivenName, string FamilyName)> People, string StrangerId)
{
    public static async Task<CoachCaseload> SeedAsync(SiloHost host)
    {
        var admin = host.Channel;
        var neighbourhoodId = $"wk-web-{Guid.NewGuid():N}"[..20];
        await new NeighbourhoodService.NeighbourhoodServiceClient(admin).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = neighbourhoodId, Name = "Afrikaanderwijk", Municipality = "Rotterdam" });
        var coaches = new CoachService.CoachServiceClient(admin);
        var clients = new ClientService.ClientServiceClient(admin);
        var coachId = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk de Wit", CaseloadLimit = 50 })).Coach.CoachId;
        var otherCoachId = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Ruud Verhoeven", CaseloadLimit = 50 })).Coach.CoachId;

        var people = new List<(string, string, string)>();
        foreach (var (given, family) in new[] { ("Sanne", "Jansen"), ("Mohamed", "El Amrani"), ("Fatima", "Bakker") })
        {
            var intake = SampleRequests.Intake(neighbourhoodId);
            intake.GivenName = given;
            intake.FamilyName = family;
            var clientId = (await clients.RegisterClientAsync(intake)).Client.ClientId;
            await coaches.AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId });
            people.Add((clientId, given, family));
        }

        var stranger = SampleRequests.Intake(neighbourhoodId);
        stranger.GivenName = "Piet";
        stranger.FamilyName = "de Vries";
        var strangerId = (await clients.RegisterClientAsync(stranger)).Client.ClientId;
        await coaches.AssignClientAsync(new AssignClientRequest { CoachId = otherCoachId, ClientId = strangerId });

        // A goal and a suggestion, so that the contract has something to show.
        using var asCoach = host.ChannelAs("coach", coachId, purpose: "case_work");
        var contracts = new ContractService.ContractServiceClient(asCoach);
        await contracts.ProposeGoalAsync(SampleRequests.Goal(people[0].Item1));
        await contracts.MakeSuggestionAsync(SampleRequests.Suggestion(people[0].Item1));

        // A goal she proposed herself, waiting for her coach's agreement.
        using var asPerson = host.ChannelAs("person", people[0].Item1, purpose: null);
        var ownGoal = SampleRequests.Goal(people[0].Item1, "Mijn schulden op een rij met de schuldhulp");
        ownGoal.Domain = GoalDomain.Debts;
        await new ContractService.ContractServiceClient(asPerson).ProposeGoalAsync(ownGoal);
        return new CoachCaseload(neighbourhoodId, coachId, people, strangerId);
    }
}

/// <summary>Accessibility checks with axe-core in the page.</summary>
public static class Accessibility
{
    /// <summary>Runs axe-core on the page as it is and fails with every violation (WCAG 2.1 A and AA and best practice) named.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string screen)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.Select(Describe).ToList();
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on {screen}:\n{string.Join("\n", violations)}");
    }

    private static string Describe(AxeResultItem item) =>
        $"- {item.Id} ({item.Impact}): {item.Help} at {string.Join(", ", item.Nodes.Select(n => n.Target?.ToString()))}";
}

/// <summary>Keeps a screenshot of the page under TestResults/web when a test fails.</summary>
public static class Failures
{
    public static async Task ScreenshotOnFailureAsync(IPage page, string test, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            var folder = Path.Combine(RepositoryRoot.Path, "TestResults", "web");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{test}.png");
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            }
            catch (PlaywrightException)
            {
                // The page is gone; the failure itself is what matters.
            }

            throw;
        }
    }
}

/// <summary>
/// Pictures of screens for the documentation: taken only when PARTICIPATIE_SCREENSHOTS names a folder
/// (e.g. PARTICIPATIE_SCREENSHOTS=src/Participatie.Web/docs dotnet test tests/Participatie.Web.Tests).
/// </summary>
public static class Screenshots
{
    public static async Task KeepAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PARTICIPATIE_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        folder = Path.IsPathRooted(folder) ? folder : Path.Combine(RepositoryRoot.Path, folder);
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = Environment.GetEnvironmentVariable("PARTICIPATIE_SCREENSHOTS_FULL") == "1" });
    }
}
