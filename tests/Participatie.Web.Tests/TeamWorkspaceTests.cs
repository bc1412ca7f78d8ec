using Microsoft.Playwright;
using Participatie.Contracts.V1;
using Participatie.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Participatie.Web.Tests;

/// <summary>A neighbourhood team member's workspace in Debian's Chromium, against a real silo: the wijk's figures live, and its residents who agreed.</summary>
[Collection(WebAppCollection.Name)]
public sealed class TeamWorkspaceTests(WebAppFixture fixture)
{
    [BrowserFact]
    public async Task ATeamMemberSeesTheFiguresChangeLiveAndRecordsAContactWithAResidentWhoAgreed()
    {
        // A wijk of its own: two residents, one of whom agreed to the team's involvement.
        var admin = fixture.Host.Channel;
        var wijk = $"wk-team-{Guid.NewGuid():N}"[..20];
        await new NeighbourhoodService.NeighbourhoodServiceClient(admin).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = wijk, Name = "Tarwewijk", Municipality = "Rotterdam" });
        var clients = new ClientService.ClientServiceClient(admin);
        var agreed = await RegisterAsync(clients, wijk, "Yasmina", "Ouali");
        var declined = await RegisterAsync(clients, wijk, "Kees", "Brouwer");
        using (var asPerson = fixture.Host.ChannelAs("person", agreed, purpose: null))
        {
            await new ClientService.ClientServiceClient(asPerson).SetTeamInvolvementAsync(new SetTeamInvolvementRequest { ClientId = agreed, Agreed = true });
        }

        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(ATeamMemberSeesTheFiguresChangeLiveAndRecordsAContactWithAResidentWhoAgreed), async () =>
        {
            // Signing in as a team member: the neighbourhood is asked for, and refused when it is not one.
            await page.GotoAsync("/aanmelden");
            await page.GetByLabel("Rol").SelectOptionAsync(new SelectOptionValue { Label = "wijkteamlid" });
            await page.GetByLabel("Id").FillAsync("wijkteam-tarwewijk-1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            var wijkField = page.GetByLabel("Wijk van het wijkteam");
            await Expect(wijkField).ToHaveAttributeAsync("aria-invalid", "true");
            await Accessibility.AssertNoViolationsAsync(page, "the sign-in page of a team member, with a field error");
            await wijkField.FillAsync(wijk);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

            // The figures of the wijk, live: two residents.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wijk Tarwewijk", Level = 1 })).ToBeVisibleAsync();
            await Expect(page).ToHaveTitleAsync("Wijk Tarwewijk – Participatie");
            var figures = page.GetByRole(AriaRole.Region, new() { Name = "Cijfers van de wijk" });
            await Expect(figures.GetByText("Live bijgewerkt")).ToBeVisibleAsync();
            var residents = figures.Locator("[data-figure='residents']");
            await Expect(residents).ToHaveTextAsync("2");

            // Only the resident who agreed is listed.
            var list = page.GetByRole(AriaRole.Region, new() { Name = "Inwoners die meedoen met het wijkteam" });
            await Expect(list.GetByRole(AriaRole.Table)).ToContainTextAsync("Ouali, Yasmina");
            await Expect(list.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
            await Expect(list).Not.ToContainTextAsync("Brouwer");
            await Accessibility.AssertNoViolationsAsync(page, "the team's neighbourhood");

            // Someone registers in the wijk through the API: the screen shows it without a reload.
            await page.EvaluateAsync("() => { window.participatieSamePage = true; }");
            await RegisterAsync(clients, wijk, "Lotte", "Smit");
            await Expect(residents).ToHaveTextAsync("3");
            await Expect(residents).ToHaveAttributeAsync("data-changed", "yes");
            Assert.True(await page.EvaluateAsync<bool>("() => window.participatieSamePage === true"), "the page was loaded again");
            await Expect(list).Not.ToContainTextAsync("Smit");
            await Accessibility.AssertNoViolationsAsync(page, "the team's neighbourhood after a change");

            // Opening the resident who agreed: the purpose first, by keyboard, then her journal.
            await list.GetByRole(AriaRole.Link, new() { Name = "Ouali, Yasmina" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waarom opent u deze inwoner?" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "the team's purpose choice");
            await page.GetByLabel("Hulp bij vragen").FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inwoner openen" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yasmina Ouali", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("purpose")).ToHaveTextAsync("Hulp bij vragen");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Gegevens" })).ToContainTextAsync("Tarwewijk");

            var journal = page.GetByRole(AriaRole.Region, new() { Name = "Journaal" });
            await Expect(journal).ToContainTextAsync("Er staat nog niets in het journaal.");
            await journal.GetByLabel("Soort contact").SelectOptionAsync(new SelectOptionValue { Label = "Huisbezoek" });
            await journal.GetByLabel("Notitie").FillAsync("Samen naar het buurthuis gelopen; ze wil bij de moestuin helpen.");
            await journal.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
            await Expect(journal.GetByRole(AriaRole.Status)).ToContainTextAsync("Het contact is vastgelegd.");
            await Expect(journal.GetByRole(AriaRole.Table)).ToContainTextAsync("moestuin");
            await Expect(journal.GetByRole(AriaRole.Table)).ToContainTextAsync("het wijkteam");
            await Accessibility.AssertNoViolationsAsync(page, "a resident's page for the team");

            // The resident who did not agree is not the team's to open, even by address.
            await page.GotoAsync($"/inwoners/{declined}?doel=support");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("U mag deze persoon niet inzien.");
            await Accessibility.AssertNoViolationsAsync(page, "a refused resident");
        });

        // The entry is in her journal, written by the team, with the purpose declared.
        var journalEntries = await new RecordService.RecordServiceClient(admin).ListJournalAsync(new ListJournalRequest { ClientId = agreed });
        Assert.Contains(journalEntries.Entries, e => e.Note.Contains("moestuin", StringComparison.Ordinal) && e.By == ContractParty.Team);
        var log = await new AdminService.AdminServiceClient(admin).QueryAuditLogAsync(new QueryAuditLogRequest { ClientId = agreed, ActorId = "wijkteam-tarwewijk-1" });
        Assert.Contains(log.Entries, e => e.Purpose == "support");
    }

    private static async Task<string> RegisterAsync(ClientService.ClientServiceClient clients, string wijk, string given, string family)
    {
        var intake = SampleRequests.Intake(wijk);
        intake.GivenName = given;
        intake.FamilyName = family;
        return (await clients.RegisterClientAsync(intake)).Client.ClientId;
    }
}
