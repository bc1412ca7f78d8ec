using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Participatie.Contracts.V1;
using Participatie.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Participatie.Web.Tests;

/// <summary>A researcher in the web app: experiments, arms and counts, and the results chart against control.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ResearcherWorkspaceTests(WebAppFixture fixture)
{
    [BrowserFact]
    public async Task AResearcherOpensAnExperimentAndReadsItsResultsChartWithIntervalsASuppressedArmAndTheSyntheticMark()
    {
        var experimentId = await DrawnExperimentWithSyntheticOutcomesAsync();
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(AResearcherOpensAnExperimentAndReadsItsResultsChartWithIntervalsASuppressedArmAndTheSyntheticMark), async () =>
        {
            await page.GotoAsync("/aanmelden");
            await page.GetByLabel("Rol").SelectOptionAsync("researcher");
            await page.GetByLabel("Id").FillAsync("onderzoeker-1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Experimenten", Level = 1 })).ToBeVisibleAsync();
            await Expect(page).ToHaveTitleAsync("Experimenten – Participatie");
            await Accessibility.AssertNoViolationsAsync(page, "the experiments");

            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Vertrouwen werkt " + experimentId[^6..] });
            await Expect(row).ToContainTextAsync("getrokken op");
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vertrouwen werkt " + experimentId[^6..], Level = 1 })).ToBeVisibleAsync();

            // Arms and counts, and the recorded draw.
            var arms = page.GetByRole(AriaRole.Table, new() { Name = "Groepen van het experiment met hun aantallen" });
            await Expect(arms.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
            await Expect(arms.GetByRole(AriaRole.Row).Filter(new() { HasText = "extra-hulp" })).ToContainTextAsync("Extra hulp");
            await Expect(page.GetByText("blocked-strata-v1")).ToBeVisibleAsync();

            // The synthetic mark, before any figure.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Synthetische gegevens" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Paragraph).Filter(new() { HasText = "Ze zijn geen bewijs." })).ToBeVisibleAsync();

            // Work of 12 hours or more: a chart with the exemption arm's interval, the suppressed arm as suppressed.
            var work = page.GetByRole(AriaRole.Region, new() { Name = "Betaald werk, 12 uur of meer per week" });
            var chart = work.GetByRole(AriaRole.Img, new() { Name = "Betaald werk, 12 uur of meer per week: verschil met de controlegroep" });
            await Expect(chart).ToBeVisibleAsync();
            await Expect(chart).ToHaveAccessibleDescriptionAsync(new Regex("zelf-in-actie: verschil [+−]?[0-9,]+ procentpunt, interval [+−]?[0-9,]+ procentpunt tot [+−]?[0-9,]+ procentpunt"));
            await Expect(chart).ToHaveAccessibleDescriptionAsync(new Regex("extra-hulp: onderdrukt"));
            Assert.Equal(3, await chart.Locator("line.participatie-forest__interval").CountAsync());
            Assert.Equal(1, await chart.Locator("rect.participatie-forest__estimate").CountAsync());
            await Expect(chart.Locator("text.participatie-forest__synthetic")).ToHaveTextAsync("SYNTHETISCH");
            await Expect(chart).ToContainTextAsync("Onderdrukt");

            var figures = work.GetByRole(AriaRole.Table, new() { Name = "Betaald werk, 12 uur of meer per week: cijfers per groep" });
            var exemption = figures.GetByRole(AriaRole.Row).Filter(new() { HasText = "zelf-in-actie" });
            await Expect(exemption).ToContainTextAsync(new Regex("procentpunt tot"));
            var suppressed = figures.GetByRole(AriaRole.Row).Filter(new() { HasText = "extra-hulp" });
            await Expect(suppressed.GetByText("Onderdrukt")).ToHaveCountAsync(6);
            await Expect(suppressed).Not.ToContainTextAsync("0,0");

            // Every measure has its chart; means are drawn in their own unit.
            await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("verschil met de controlegroep$") })).ToHaveCountAsync(5);
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Welbevinden (0–10)" })).ToContainTextAsync("verschil in gemiddelde");
            await Accessibility.AssertNoViolationsAsync(page, "an experiment with its results");
            await Screenshots.KeepAsync(page, "researcher-results");

            // A month without outcomes says so; a month written wrongly is refused next to its field.
            var month = page.GetByRole(AriaRole.Textbox, new() { Name = "Maand", Exact = true });
            await month.FillAsync("november");
            await page.GetByRole(AriaRole.Button, new() { Name = "Toon maand" }).ClickAsync();
            await Expect(month).ToHaveAccessibleDescriptionAsync(new Regex("Schrijf de maand als jjjj-mm"));
            await month.FillAsync(SampleRequests.Month(-1));
            await page.GetByRole(AriaRole.Button, new() { Name = "Toon maand" }).ClickAsync();
            await Expect(page.GetByText("Er zijn nog geen uitkomsten vastgelegd voor deze maand.")).ToBeVisibleAsync();
            await Expect(month).Not.ToHaveAttributeAsync("aria-invalid", "true");
        });
    }

    /// <summary>
    /// An experiment of three arms with synthetic outcomes for this month: control and "zelf-in-actie" large enough to
    /// report, "extra-hulp" too small (fewer than 10 people), so its figures are suppressed.
    /// </summary>
    private async Task<string> DrawnExperimentWithSyntheticOutcomesAsync()
    {
        var admin = fixture.Host.Channel;
        var neighbourhoodId = $"wk-rs-{Guid.NewGuid():N}"[..20];
        await new NeighbourhoodService.NeighbourhoodServiceClient(admin).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = neighbourhoodId, Name = "Tilburg-Noord", Municipality = "Tilburg" });
        var clients = new ClientService.ClientServiceClient(admin);
        var people = new List<string>();
        for (var i = 0; i < 29; i++)
        {
            people.Add((await clients.RegisterClientAsync(SampleRequests.Intake(neighbourhoodId, age: 30 + i))).Client.ClientId);
        }

        var experimentId = "ex-web-" + Guid.NewGuid().ToString("N")[..12];
        var experiments = new ExperimentService.ExperimentServiceClient(admin);
        await experiments.CreateExperimentAsync(new CreateExperimentRequest
        {
            Design = new ExperimentDesign
            {
                ExperimentId = experimentId,
                Title = "Vertrouwen werkt " + experimentId[^6..],
                Start = SampleRequests.Day(-60),
                End = SampleRequests.Day(300),
                Eligibility = new EligibilityRules { Neighbourhoods = { neighbourhoodId } },
                Blocks = BlockWeighting.ByCapacity,
                Arms =
                {
                    new ExperimentArm { Name = "control", Kind = ArmKind.Control, Capacity = 12 },
                    new ExperimentArm
                    {
                        Name = "zelf-in-actie", Kind = ArmKind.Exemption, Capacity = 12,
                        Regime = new RegimeSettings { JobSearchObligation = JobSearchObligation.Exempt, SanctionsAllowed = false },
                    },
                    new ExperimentArm
                    {
                        Name = "extra-hulp", Kind = ArmKind.ExtraGuidance, Capacity = 5,
                        Regime = new RegimeSettings { JobSearchObligation = JobSearchObligation.Exempt, SanctionsAllowed = false },
                    },
                },
            },
        });
        foreach (var person in people)
        {
            await experiments.SignUpAsync(new SignUpRequest { ExperimentId = experimentId, ClientId = person, Consent = SampleRequests.Consent() });
        }

        var drawn = (await experiments.DrawAsync(new DrawRequest { ExperimentId = experimentId, Seed = 2026 })).Experiment;
        Assert.Equal([12, 12, 5], drawn.Arms.Select(a => a.Assigned));

        var outcomes = new RecordOutcomesRequest { ExperimentId = experimentId };
        for (var i = 0; i < people.Count; i++)
        {
            var place = (await experiments.GetAssignmentAsync(new GetAssignmentRequest { ExperimentId = experimentId, ClientId = people[i] })).Assignment;
            outcomes.Outcomes.Add(new Outcome
            {
                ClientId = people[i],
                Month = SampleRequests.Month(),
                HoursWorkedPerWeek = place.Arm == "control" ? i % 4 * 5 : i % 3 * 14,
                IndependentOfAssistance = i % 5 == 0,
                ParticipationHours = i,
                WellBeing = 5 + (i % 5),
                Synthetic = true,
            });
        }

        await experiments.RecordOutcomesAsync(outcomes);
        return experimentId;
    }
}
