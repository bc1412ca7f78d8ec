using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Participatie.Contracts.V1;
using Participatie.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Participatie.Web.Tests;

/// <summary>An admin at a shared service centre in the web app, in Debian's Chromium, against a real silo.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AdminWorkspaceTests(WebAppFixture fixture)
{
    /// <summary>
    /// Two months back: within the three months before the month a person registered today began (Dates:BackdatingMonths
    /// of the shipped settings), so the run pays the people seeded here; and a month the coach's tests do not read.
    /// </summary>
    private static readonly string Month = SampleRequests.Month(-2);

    [BrowserFact]
    public async Task AnAdminOpensTheDashboardFromTheStatusPageAndNobodyElseGetsIn()
    {
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(AnAdminOpensTheDashboardFromTheStatusPageAndNobodyElseGetsIn), async () =>
        {
            // Without the admin's hand-over the dashboard answers 401, even in the same browser.
            Assert.Equal(401, (await page.Context.APIRequest.GetAsync("/dashboard/")).Status);

            await page.GotoAsync("/aanmelden");
            await page.GetByLabel("Rol").SelectOptionAsync("admin");
            await page.GetByLabel("Id").FillAsync("ssc-dashboard");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            var panel = page.GetByRole(AriaRole.Region, new() { Name = "Orleans Dashboard" });
            await Expect(panel).ToContainTextAsync("alleen beheerders");
            await Accessibility.AssertNoViolationsAsync(page, "the platform status with the dashboard");
            await panel.GetByRole(AriaRole.Button, new() { Name = "Dashboard openen" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/dashboard/?$"));
            Assert.Equal(200, (await page.Context.APIRequest.GetAsync("/dashboard/")).Status);

            // Another browser, signed in as a coach, cannot hand its token over.
            var coach = await fixture.NewPageAsync();
            var token = (await coach.Context.APIRequest.PostAsync("/auth/dev-token", new() { DataObject = new { role = "coach", subject = fixture.Seed.CoachId } })).JsonAsync();
            var coachToken = (await token)!.Value.GetProperty("token").GetString();
            var refused = await coach.Context.APIRequest.PostAsync("/auth/dashboard-session", new() { Headers = new Dictionary<string, string> { ["authorization"] = $"Bearer {coachToken}" } });
            Assert.Equal(403, refused.Status);
            Assert.Equal(401, (await coach.Context.APIRequest.GetAsync("/dashboard/")).Status);
        });
    }

    [BrowserFact]
    public async Task AnAdminPaysAMonthWithLiveProgressExportsItFindsTheExportInTheAuditLogAndIssuesAndRevokesAPartnerKey()
    {
        var (neighbourhood, people) = await SeedAsync();
        var adminId = "ssc-" + Guid.NewGuid().ToString("N")[..8];
        var partnerId = "pt-web-" + Guid.NewGuid().ToString("N")[..8];
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(AnAdminPaysAMonthWithLiveProgressExportsItFindsTheExportInTheAuditLogAndIssuesAndRevokesAPartnerKey), async () =>
        {
            // Signing in as an admin: the platform's status comes first.
            await page.GotoAsync("/aanmelden");
            await page.GetByLabel("Rol").SelectOptionAsync("admin");
            await page.GetByLabel("Id").FillAsync(adminId);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status van het platform", Level = 1 })).ToBeVisibleAsync();
            await Expect(page).ToHaveTitleAsync("Status van het platform – Participatie");
            var platform = page.GetByRole(AriaRole.Region, new() { Name = "Platform" });
            await Expect(platform).ToContainTextAsync("Inwoners met een uitkering");
            await Expect(platform).ToContainTextAsync("Memory");
            var cluster = page.GetByRole(AriaRole.Region, new() { Name = "Cluster" });
            await Expect(cluster.GetByRole(AriaRole.Table, new() { Name = "Silo's van het cluster" })).ToContainTextAsync("Actief");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Aandacht nodig" })).ToContainTextAsync("nog geen klantmanager");
            await Accessibility.AssertNoViolationsAsync(page, "the platform status");

            // The month's payment run: not started, then started after a confirmation given by keyboard.
            await page.GetByRole(AriaRole.Link, new() { Name = "Betaalruns" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Betaalruns", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("Maand").SelectOptionAsync(Month);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"maand={Month}"));
            var run = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Betaalrun ") });
            await Expect(run).ToContainTextAsync("nog geen betaalrun gestart");
            await Accessibility.AssertNoViolationsAsync(page, "a month without a payment run");
            await run.GetByRole(AriaRole.Button, new() { Name = "Betaalrun starten" }).ClickAsync();
            await Expect(run).ToContainTextAsync("Dit kan niet ongedaan worden gemaakt.");
            await Accessibility.AssertNoViolationsAsync(page, "the confirmation of a payment run");
            await Expect(run.GetByRole(AriaRole.Button, new() { Name = "Ja, starten" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            // Live progress: the bar fills to the end without a reload, and its end is announced.
            var bar = run.GetByRole(AriaRole.Progressbar, new() { NameRegex = new Regex("^Voortgang van ronde 1 van de betaalrun") });
            await Expect(bar).ToBeVisibleAsync();
            await Expect(run.GetByTestId("run-progress")).ToContainTextAsync("(100%)");
            await Expect(run.GetByTestId("run-announcement")).ToContainTextAsync("is afgerond");
            var max = await bar.GetAttributeAsync("max");
            await Expect(bar).ToHaveAttributeAsync("value", max!);
            await Expect(run).ToContainTextAsync("Afgerond");

            // The summary per neighbourhood: the two people seeded here, paid.
            var byNeighbourhood = run.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Betaald per wijk") });
            var row = byNeighbourhood.GetByRole(AriaRole.Row).Filter(new() { HasText = "Feijenoord" });
            await Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("2");
            await Expect(row).ToContainTextAsync("€");
            var passes = run.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Rondes van de betaalrun") });
            await Expect(passes.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
            await Accessibility.AssertNoViolationsAsync(page, "a completed payment run");
            await Screenshots.KeepAsync(page, "admin-payment-run");

            // The first pass's export: assembled in the browser from the stream, with both people in the payment file.
            await passes.GetByRole(AriaRole.Button, new() { Name = "Export van ronde 1 maken" }).ClickAsync();
            var export = page.GetByRole(AriaRole.Region, new() { Name = "Export van ronde 1" });
            var link = export.GetByRole(AriaRole.Link, new() { Name = "Betaalbestand downloaden (CSV)" });
            await Expect(link).ToBeVisibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.Equal($"betalingen-{Month}-ronde-1.csv", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            var file = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            Assert.StartsWith("\uFEFFsoort;persoon;bsn;", file, StringComparison.Ordinal);
            Assert.All(people, person => Assert.Contains($"betaling;{person};", file, StringComparison.Ordinal));
            await Accessibility.AssertNoViolationsAsync(page, "a pass's export");

            // A supplementary pass: nobody new, so it pays nothing, and is recorded as the run's second pass.
            await run.GetByRole(AriaRole.Button, new() { Name = "Aanvullende ronde starten" }).ClickAsync();
            await run.GetByRole(AriaRole.Button, new() { Name = "Ja, starten" }).ClickAsync();
            await Expect(passes.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
            await Expect(passes.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync("Afgerond");

            // The same admin read the first person's record for her at the desk (x-on-behalf-of): the log names both.
            var forHer = TestKeys.Channel(fixture.Host.Address, TestKeys.Token("admin", adminId), "support", new Dictionary<string, string> { ["x-on-behalf-of"] = people[0] });
            await new ClientService.ClientServiceClient(forHer).GetClientAsync(new GetClientRequest { ClientId = people[0] });

            // The audit log: the export read the first person's data for payment; an end before the start is refused.
            await page.GetByRole(AriaRole.Link, new() { Name = "Auditlog" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Auditlog", Level = 1 })).ToBeVisibleAsync();
            var search = page.GetByRole(AriaRole.Search, new() { Name = "Zoeken in het auditlog" });
            await search.GetByLabel("Inwoner (id)").FillAsync(people[0]);
            await search.GetByLabel("Gedaan door (id)").FillAsync(adminId);
            await search.GetByLabel("Van").FillAsync(SampleRequests.Day(1));
            await search.GetByLabel("Tot en met").FillAsync(SampleRequests.Day());
            await search.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            await Expect(search.GetByLabel("Tot en met")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(search).ToContainTextAsync("De einddatum ligt voor de begindatum.");
            await search.GetByLabel("Van").FillAsync(SampleRequests.Day());
            await search.GetByLabel("Uitkomst").SelectOptionAsync("OK");
            await search.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            var log = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Vastgelegde inzages") });
            var exported = log.GetByRole(AriaRole.Row).Filter(new() { HasText = "AdminService.ExportPayments" });
            await Expect(exported).ToHaveCountAsync(1);
            await Expect(exported).ToContainTextAsync("Uitkering en betaling");
            await Expect(exported).ToContainTextAsync("Gelukt");
            await Expect(exported).ToContainTextAsync($"beheerder {adminId}");
            var atTheDesk = log.GetByRole(AriaRole.Row).Filter(new() { HasText = "ClientService.GetClient" });
            await Expect(atTheDesk).ToContainTextAsync($"beheerder {adminId}, namens {people[0]}");
            await Accessibility.AssertNoViolationsAsync(page, "the audit log");

            // Partner keys: none yet; one issued (its secret shown once), then revoked after a confirmation.
            await page.GetByRole(AriaRole.Link, new() { Name = "Partnersleutels" }).ClickAsync();
            await page.GetByLabel("Partnerorganisatie (id)").FillAsync(partnerId);
            await page.Keyboard.PressAsync("Enter");
            var keys = page.GetByRole(AriaRole.Region, new() { Name = $"Sleutels van {partnerId}" });
            await Expect(keys).ToContainTextAsync("Deze partner heeft nog geen sleutels.");
            await keys.GetByLabel("Waarvoor is de sleutel?").FillAsync("Urenimport vanuit het roostersysteem");
            await keys.GetByRole(AriaRole.Button, new() { Name = "Sleutel uitgeven" }).ClickAsync();
            await Expect(keys).ToContainTextAsync("Hij wordt maar één keer getoond");
            var secret = await keys.GetByTestId("api-key-secret").InputValueAsync();
            Assert.StartsWith($"ptk.{partnerId}.", secret, StringComparison.Ordinal);
            await Expect(keys.GetByRole(AriaRole.Button, new() { Name = "Sleutel kopiëren" })).ToBeFocusedAsync();
            await Accessibility.AssertNoViolationsAsync(page, "a new partner key");
            await keys.GetByRole(AriaRole.Button, new() { Name = "Ik heb de sleutel bewaard" }).ClickAsync();
            await Expect(keys.GetByTestId("api-key-secret")).ToHaveCountAsync(0);
            var keyRow = keys.GetByRole(AriaRole.Row).Filter(new() { HasText = "Urenimport" });
            await Expect(keyRow).ToContainTextAsync("Werkt");
            await keyRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sleutel .* intrekken$") }).ClickAsync();
            await Expect(keyRow).ToContainTextAsync("Weet u zeker");
            await Accessibility.AssertNoViolationsAsync(page, "revoking a partner key");
            await page.Keyboard.PressAsync("Enter");
            await Expect(keyRow).ToContainTextAsync("Ingetrokken op");
            await Expect(keys).ToContainTextAsync("is ingetrokken.");

            // What the screen said is what the platform holds.
            var held = (await new AdminService.AdminServiceClient(fixture.Host.Channel).ListPartnerApiKeysAsync(new ListPartnerApiKeysRequest { PartnerId = partnerId })).Keys;
            var key = Assert.Single(held);
            Assert.Equal(("Urenimport vanuit het roostersysteem", true), (key.Description, key.RevokedAt.Length > 0));
            var paid = (await new AdminService.AdminServiceClient(fixture.Host.Channel).GetPaymentRunAsync(new GetPaymentRunRequest { Month = Month })).Run;
            Assert.Equal((2, PaymentRunStatus.Completed), (paid.Neighbourhoods.Single(n => n.NeighbourhoodId == neighbourhood).Paid, paid.Status));
        });
    }

    [BrowserFact]
    public async Task AnAdminAddsANeighbourhoodAndACoachAndIsToldNextToTheFieldWhatIsWrong()
    {
        var neighbourhood = $"wk-new-{Guid.NewGuid():N}"[..20];
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(AnAdminAddsANeighbourhoodAndACoachAndIsToldNextToTheFieldWhatIsWrong), async () =>
        {
            await page.GotoAsync("/aanmelden");
            await page.GetByLabel("Rol").SelectOptionAsync("admin");
            await page.GetByLabel("Id").FillAsync("ssc-setup");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Inrichting" }).ClickAsync();
            await Expect(page).ToHaveTitleAsync("Inrichting – Participatie");

            // A neighbourhood id that is not one is refused next to its field; a right one is added.
            var wijk = page.GetByRole(AriaRole.Region, new() { Name = "Wijk toevoegen" });
            await wijk.GetByLabel("Wijk-id").FillAsync("Bloemhof");
            await wijk.GetByLabel("Naam").FillAsync("Bloemhof");
            await wijk.GetByLabel("Gemeente").FillAsync("Rotterdam");
            await wijk.GetByRole(AriaRole.Button, new() { Name = "Wijk toevoegen" }).ClickAsync();
            await Expect(wijk.GetByLabel("Wijk-id")).ToHaveAttributeAsync("aria-invalid", "true");
            await Accessibility.AssertNoViolationsAsync(page, "a refused neighbourhood");
            await wijk.GetByLabel("Wijk-id").FillAsync(neighbourhood);
            await page.Keyboard.PressAsync("Enter");
            await Expect(wijk).ToContainTextAsync("De wijk Bloemhof is toegevoegd.");

            // A caseload size that is not a number is refused next to its field; the coach is then added, with an id.
            var coach = page.GetByRole(AriaRole.Region, new() { Name = "Klantmanager toevoegen" });
            await coach.GetByLabel("Naam").FillAsync("Ilse Mulder");
            await coach.GetByLabel("Grootte van de caseload").FillAsync("veel");
            await coach.GetByRole(AriaRole.Button, new() { Name = "Klantmanager toevoegen" }).ClickAsync();
            await Expect(coach.GetByLabel("Grootte van de caseload")).ToHaveAttributeAsync("aria-invalid", "true");
            await coach.GetByLabel("Grootte van de caseload").FillAsync("25");
            await coach.GetByRole(AriaRole.Button, new() { Name = "Klantmanager toevoegen" }).ClickAsync();
            var added = coach.GetByText(new Regex("Ilse Mulder is toegevoegd met id co-"));
            await Expect(added).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "the setup with a coach added");

            var coachId = Regex.Match(await added.InnerTextAsync(), "co-[a-z0-9]+").Value;
            var created = (await new CoachService.CoachServiceClient(fixture.Host.Channel).GetCoachAsync(new GetCoachRequest { CoachId = coachId })).Coach;
            Assert.Equal(("Ilse Mulder", 25), (created.DisplayName, created.CaseloadLimit));
            var wijkHeld = (await new NeighbourhoodService.NeighbourhoodServiceClient(fixture.Host.Channel).GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = neighbourhood })).Neighbourhood;
            Assert.Equal(("Bloemhof", "Rotterdam"), (wijkHeld.Name, wijkHeld.Municipality));
        });
    }

    [BrowserFact]
    public async Task AnAdminSeesTheCoachesWithTheirCaseloadAndHandsALeavingCoachsCaseloadOverByKeyboard()
    {
        var coaches = new CoachService.CoachServiceClient(fixture.Host.Channel);
        var leaving = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Karin Smits", CaseloadLimit = 10 })).Coach.CoachId;
        var colleague = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Fatima Yilmaz", CaseloadLimit = 10 })).Coach.CoachId;
        var small = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Bram Kok", CaseloadLimit = 1 })).Coach.CoachId;
        var people = await SeedCaseloadAsync(leaving);

        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(AnAdminSeesTheCoachesWithTheirCaseloadAndHandsALeavingCoachsCaseloadOverByKeyboard), async () =>
        {
            await page.GotoAsync("/aanmelden");
            await page.GetByLabel("Rol").SelectOptionAsync("admin");
            await page.GetByLabel("Id").FillAsync("ssc-coaches");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Klantmanagers" }).ClickAsync();
            await Expect(page).ToHaveTitleAsync("Klantmanagers – Participatie");

            // The coaches with their caseload, as a figure and as a meter that says the same.
            var list = page.GetByRole(AriaRole.Table, new() { Name = "Klantmanagers met de grootte van hun caseload" });
            var leavingRow = list.GetByRole(AriaRole.Row).Filter(new() { HasText = "Karin Smits" });
            var colleagueRow = list.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fatima Yilmaz" });
            await Expect(leavingRow).ToContainTextAsync("3 van 10");
            await Expect(leavingRow.GetByRole(AriaRole.Meter, new() { Name = "Caseload van Karin Smits" })).ToHaveAttributeAsync("aria-valuetext", "3 van 10");
            await Expect(colleagueRow).ToContainTextAsync("0 van 10");
            await Accessibility.AssertNoViolationsAsync(page, "the coaches and their caseload");

            // Submitted empty: the platform's Dutch refusals stand next to the leaving coach and the colleagues.
            var form = page.GetByRole(AriaRole.Region, new() { Name = "Caseload overdragen" });
            var leavingField = form.GetByLabel("Vertrekkende klantmanager");
            var colleagues = form.GetByRole(AriaRole.Group, new() { Name = "Collega's die de caseload overnemen" });
            var submit = form.GetByRole(AriaRole.Button, new() { Name = "Caseload overdragen" });
            await submit.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(leavingField).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(form).ToContainTextAsync("Vul dit in.");
            await Expect(colleagues).ToContainTextAsync("Kies 1 tot 20 klantmanagers.");
            await Accessibility.AssertNoViolationsAsync(page, "a refused hand-over");

            // By keyboard: the leaving coach, then a colleague with one free place: too few places, nobody moves.
            await leavingField.FocusAsync();
            await leavingField.SelectOptionAsync(leaving);
            await Expect(colleagues.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Karin Smits") })).ToHaveCountAsync(0);
            var smallBox = colleagues.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Bram Kok") });
            await smallBox.FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await Expect(smallBox).ToBeCheckedAsync();
            await submit.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(colleagues).ToContainTextAsync("De caseload van deze klantmanager is vol.");
            await Expect(leavingRow).ToContainTextAsync("3 van 10");

            // Bram unticked, Fatima ticked: all three go to her.
            await smallBox.FocusAsync();
            await page.Keyboard.PressAsync("Space");
            var colleagueBox = colleagues.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Fatima Yilmaz") });
            await colleagueBox.FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await Expect(colleagues).ToContainTextAsync("1e");
            await submit.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var outcome = form.GetByRole(AriaRole.Status);
            await Expect(outcome).ToContainTextAsync("De caseload van Karin Smits is overgedragen.");
            await Expect(outcome).ToContainTextAsync("3 mensen naar Fatima Yilmaz");
            await Expect(outcome).ToContainTextAsync("Er staat niemand meer in de caseload.");

            // The list is read again: the new sizes.
            await Expect(leavingRow).ToContainTextAsync("0 van 10");
            await Expect(colleagueRow).ToContainTextAsync("3 van 10");
            await Accessibility.AssertNoViolationsAsync(page, "a completed hand-over");
            await Screenshots.KeepAsync(page, "admin-coaches");
        });

        // What the screen said is what the platform holds.
        Assert.Equal(0, (await coaches.GetCoachAsync(new GetCoachRequest { CoachId = leaving })).Coach.CaseloadSize);
        Assert.Equal(0, (await coaches.GetCoachAsync(new GetCoachRequest { CoachId = small })).Coach.CaseloadSize);
        var received = await coaches.GetCaseloadAsync(new GetCaseloadRequest { CoachId = colleague });
        Assert.Equal(people.Order(StringComparer.Ordinal), received.Entries.Select(e => e.ClientId).Order(StringComparer.Ordinal));
    }

    /// <summary>A neighbourhood of its own with two people, so that the run's summary has a row this test knows.</summary>
    private async Task<(string Neighbourhood, List<string> People)> SeedAsync()
    {
        var admin = fixture.Host.Channel;
        var neighbourhood = $"wk-adm-{Guid.NewGuid():N}"[..20];
        await new NeighbourhoodService.NeighbourhoodServiceClient(admin).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = neighbourhood, Name = "Feijenoord", Municipality = "Rotterdam" });
        var clients = new ClientService.ClientServiceClient(admin);
        var people = new List<string>();
        foreach (var (given, family) in new[] { ("Noor", "Visser"), ("Daan", "Smit") })
        {
            var intake = SampleRequests.Intake(neighbourhood);
            intake.GivenName = given;
            intake.FamilyName = family;
            people.Add((await clients.RegisterClientAsync(intake)).Client.ClientId);
        }

        return (neighbourhood, people);
    }

    /// <summary>Three people in a neighbourhood of their own (not the payment test's), all in the given coach's caseload.</summary>
    private async Task<List<string>> SeedCaseloadAsync(string coachId)
    {
        var admin = fixture.Host.Channel;
        var neighbourhood = $"wk-hnd-{Guid.NewGuid():N}"[..20];
        await new NeighbourhoodService.NeighbourhoodServiceClient(admin).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = neighbourhood, Name = "Hillesluis", Municipality = "Rotterdam" });
        var clients = new ClientService.ClientServiceClient(admin);
        var coaches = new CoachService.CoachServiceClient(admin);
        var people = new List<string>();
        foreach (var (given, family) in new[] { ("Lotte", "Bos"), ("Ahmed", "Kaya"), ("Emma", "de Jong") })
        {
            var intake = SampleRequests.Intake(neighbourhood);
            intake.GivenName = given;
            intake.FamilyName = family;
            var clientId = (await clients.RegisterClientAsync(intake)).Client.ClientId;
            await coaches.AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId });
            people.Add(clientId);
        }

        return people;
    }
}
