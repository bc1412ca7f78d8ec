using Microsoft.Playwright;
using Participatie.Contracts.V1;
using Participatie.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Participatie.Web.Tests;

/// <summary>A klantmanager's day in the web app, in Debian's Chromium, against a real silo.</summary>
[Collection(WebAppCollection.Name)]
public sealed class CoachWorkspaceTests(WebAppFixture fixture)
{
    private CoachCaseload Seed => fixture.Seed;

    [BrowserFact]
    public async Task ACoachSignsInFindsAPersonOpensThemForAPurposeAddsAJournalEntryAndReadsTheStatement()
    {
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(ACoachSignsInFindsAPersonOpensThemForAPurposeAddsAJournalEntryAndReadsTheStatement), async () =>
        {
            // Signing in: the Local-style development sign-in, offered because this host accepts the development key.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/aanmelden$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen voor ontwikkeling" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "the sign-in page");
            await page.GetByLabel("Id").FillAsync(Seed.CoachId);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

            // The caseload: all three people, the places taken, and nobody from another caseload.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn klanten", Level = 1 })).ToBeVisibleAsync();
            var table = page.GetByRole(AriaRole.Table);
            await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + Seed.People.Count);
            await Expect(page.GetByText("3 van 50 plaatsen bezet")).ToBeVisibleAsync();
            await Expect(page).ToHaveTitleAsync("Mijn klanten – Participatie");
            await Expect(table).Not.ToContainTextAsync("de Vries");
            await Accessibility.AssertNoViolationsAsync(page, "the caseload");
            await Screenshots.KeepAsync(page, "coach-caseload");

            // Search by family name.
            await page.GetByLabel("Naam").FillAsync("bakker");
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
            await Expect(table).ToContainTextAsync("Bakker, Fatima");
            await page.GetByLabel("Naam").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + Seed.People.Count);

            // Opening a person: first the purpose, chosen by keyboard, then the page shows it.
            await table.GetByRole(AriaRole.Link, new() { Name = "Jansen, Sanne" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waarom opent u deze persoon?" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "the purpose choice");
            await page.GetByRole(AriaRole.Button, new() { Name = "Persoon openen" }).ClickAsync();
            await Expect(page.GetByText("Kies een doel.")).ToBeVisibleAsync();
            await page.GetByLabel("Begeleiding").FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await page.GetByRole(AriaRole.Button, new() { Name = "Persoon openen" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sanne Jansen", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("purpose")).ToHaveTextAsync("Begeleiding");
            await Expect(page).ToHaveTitleAsync("Sanne Jansen – Participatie");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("doel=case_work"));

            // The estimate with each factor's contribution, and the contract seeded for her.
            var estimate = page.GetByRole(AriaRole.Region, new() { Name = "Inschatting tot werk" });
            await Expect(estimate.GetByRole(AriaRole.Table)).ToContainTextAsync("Opleiding");
            await Expect(estimate).ToContainTextAsync("Grens van de gemeente");
            var contract = page.GetByRole(AriaRole.Region, new() { Name = "Sociaal contract" });
            await Expect(contract).ToContainTextAsync("kinderboerderij");
            await Expect(contract).ToContainTextAsync("computercursus");

            // Her own goal: the coach agrees, then records progress.
            var ownGoal = contract.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Mijn schulden op een rij" });
            await ownGoal.GetByRole(AriaRole.Button, new() { Name = "Akkoord met dit doel" }).ClickAsync();
            await Expect(ownGoal).ToContainTextAsync("Afgesproken");
            await ownGoal.GetByText("Voortgang vastleggen").First.ClickAsync();
            await ownGoal.GetByLabel("Hoe ver is het doel bereikt (procent)?").FillAsync("40");
            await ownGoal.GetByLabel("Toelichting").FillAsync("Eerste gesprek bij de schuldhulp gehad");
            await ownGoal.GetByRole(AriaRole.Button, new() { Name = "Voortgang vastleggen" }).ClickAsync();
            await Expect(ownGoal).ToContainTextAsync("40% bereikt");
            await ownGoal.GetByText("Eerder vastgelegd").ClickAsync();
            await Expect(ownGoal).ToContainTextAsync("Eerste gesprek bij de schuldhulp gehad");
            await Accessibility.AssertNoViolationsAsync(page, "the contract with an agreed goal");

            // The binding mark: the coach's request waits for the person.
            await contract.GetByRole(AriaRole.Button, new() { Name = "Voorstellen om het contract juridisch bindend te maken" }).ClickAsync();
            await Expect(contract).ToContainTextAsync("Een wijziging van ‘bindend’ wacht op de andere partij.");
            await Expect(contract.GetByRole(AriaRole.Button, new() { Name = "Voorstellen om het contract juridisch bindend te maken" })).ToHaveCountAsync(0);
            await Expect(contract).ToContainTextAsync("Niet juridisch bindend");

            // The regime, setting by setting with the layer that set it.
            var regime = page.GetByRole(AriaRole.Region, new() { Name = "Regeling" });
            await Expect(regime.GetByRole(AriaRole.Table)).ToContainTextAsync("Sollicitatieplicht");
            await Expect(regime.GetByRole(AriaRole.Table)).ToContainTextAsync("Gemeente: municipal-2024");

            // Proposing a goal: it joins the contract as proposed, waiting for her agreement.
            await contract.GetByLabel("Levensgebied").First.SelectOptionAsync(new SelectOptionValue { Label = "Taal" });
            await contract.GetByLabel("Omschrijving").FillAsync("Elke week naar het taalcafé in de bibliotheek");
            await contract.GetByRole(AriaRole.Button, new() { Name = "Doel voorstellen" }).ClickAsync();
            var reviewOn = contract.GetByLabel("Bespreken op");
            await Expect(reviewOn).ToHaveAttributeAsync("aria-invalid", "true");
            await reviewOn.FillAsync(SampleRequests.Day(28));
            await contract.GetByRole(AriaRole.Button, new() { Name = "Doel voorstellen" }).ClickAsync();
            await Expect(contract.GetByRole(AriaRole.Status).Filter(new() { HasText = "Het doel is voorgesteld." })).ToHaveCountAsync(1);
            await Expect(contract.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "taalcafé" })).ToContainTextAsync("Voorgesteld");

            // Overriding the estimate: a reason too short is refused next to its field, a real one is taken.
            await estimate.GetByLabel("Maanden tot betaald werk").FillAsync("18");
            await estimate.GetByLabel("Reden").FillAsync("Kort");
            await estimate.GetByRole(AriaRole.Button, new() { Name = "Inschatting aanpassen" }).ClickAsync();
            await Expect(estimate.GetByLabel("Reden")).ToHaveAttributeAsync("aria-invalid", "true");
            await estimate.GetByLabel("Reden").FillAsync("Heeft een toezegging voor een leerwerkplek bij de gemeente.");
            await estimate.GetByRole(AriaRole.Button, new() { Name = "Inschatting aanpassen" }).ClickAsync();
            await Expect(estimate).ToContainTextAsync("18 maanden");
            await Expect(estimate).ToContainTextAsync("Heeft een toezegging voor een leerwerkplek");

            // The benefit statement, line by line with its rules and the dated figures.
            var statement = page.GetByRole(AriaRole.Region, new() { Name = "Uitkeringsspecificatie" });
            await Expect(statement.GetByRole(AriaRole.Table)).ToContainTextAsync("Bijstandsnorm");
            await Expect(statement.GetByRole(AriaRole.Table)).ToContainTextAsync("geldig vanaf");
            await Expect(statement.GetByTestId("statement-total")).ToContainTextAsync("€");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Meedoen" })).ToContainTextAsync("Doet nog nergens aan mee.");
            await Accessibility.AssertNoViolationsAsync(page, "a person's page");
            await Screenshots.KeepAsync(page, "coach-person");

            // A journal entry without its kind: the server's field violation stands next to the field.
            var journal = page.GetByRole(AriaRole.Region, new() { Name = "Journaal" });
            await journal.GetByLabel("Notitie").FillAsync("Gebeld over de computercursus; ze wil eerst kijken.");
            await journal.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
            var typeField = journal.GetByLabel("Soort contact");
            await Expect(typeField).ToHaveAttributeAsync("aria-invalid", "true");
            var describedBy = await typeField.GetAttributeAsync("aria-describedby");
            Assert.False(string.IsNullOrEmpty(describedBy), "the kind's error is not tied to its field");
            await Expect(page.Locator($"[id='{describedBy!.Split(' ').Last()}']")).Not.ToBeEmptyAsync();
            await Accessibility.AssertNoViolationsAsync(page, "the journal form with a field error");

            await typeField.SelectOptionAsync(new SelectOptionValue { Label = "Telefoon" });
            await journal.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
            await Expect(journal.GetByRole(AriaRole.Status)).ToContainTextAsync("Het contact is vastgelegd.");
            await Expect(journal.GetByRole(AriaRole.Table)).ToContainTextAsync("Gebeld over de computercursus");
            await Expect(journal.GetByRole(AriaRole.Table)).ToContainTextAsync("Telefoon");

            // The agenda knows the contact now.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Agenda" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("Periode").SelectOptionAsync(new SelectOptionValue { Label = "90 dagen" });
            await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Sanne Jansen");
            await Accessibility.AssertNoViolationsAsync(page, "the agenda");
        });
    }

    [BrowserFact]
    public async Task ACoachSeesWhatAPersonTakesPartInWithHerHoursThisWeekAndMonth()
    {
        var world = await PersonWorld.SeedAsync(fixture.Host);
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(ACoachSeesWhatAPersonTakesPartInWithHerHoursThisWeekAndMonth), async () =>
        {
            await SignInAsync(page, world.CoachId);
            await page.GotoAsync($"/personen/{world.ClientId}?doel=case_work");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fatima Yilmaz", Level = 1 })).ToBeVisibleAsync();

            // The coffee morning recorded 2 hours yesterday: they count this week and month unless today began a new one.
            var today = DateOnly.ParseExact(world.HoursDay, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
            var thisWeek = today.DayOfWeek == DayOfWeek.Monday ? "0" : "2";
            var thisMonth = today.Day == 1 ? "0" : "2";
            var section = page.GetByRole(AriaRole.Region, new() { Name = "Meedoen" });
            var table = section.GetByRole(AriaRole.Table, new() { Name = "Neemt deel aan 1 activiteit" });
            var coffee = table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Koffieochtend" }) });
            await Expect(coffee.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["Huis van de Wijk Afrikaanderwijk", "Heeft een plaats", thisWeek, thisMonth, world.HoursDayInDutch]);
            await Expect(table).Not.ToContainTextAsync("Moestuin");
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen" }).GetByRole(AriaRole.Link, new() { Name = "Meedoen" })).ToHaveAttributeAsync("href", "#meedoen");
            await Accessibility.AssertNoViolationsAsync(page, "a person's page with what she takes part in");
        });
    }

    [BrowserFact]
    public async Task ACoachSeesANewInboxItemWithoutReloading()
    {
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(ACoachSeesANewInboxItemWithoutReloading), async () =>
        {
            var coachId = (await new CoachService.CoachServiceClient(fixture.Host.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Kees Smit", CaseloadLimit = 10 })).Coach.CoachId;
            await SignInAsync(page, coachId);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Berichten" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Berichten", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("Live verbonden.")).ToBeVisibleAsync();
            await Expect(page.GetByText("Er zijn geen berichten.")).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "the inbox");

            // Someone is added to the caseload while the screen is open: the item arrives by itself and is announced.
            var intake = SampleRequests.Intake(Seed.NeighbourhoodId);
            intake.GivenName = "Yara";
            intake.FamilyName = "Visser";
            var clientId = (await new ClientService.ClientServiceClient(fixture.Host.Channel).RegisterClientAsync(intake)).Client.ClientId;
            await new CoachService.CoachServiceClient(fixture.Host.Channel).AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId });

            var item = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Yara Visser" });
            await Expect(item).ToContainTextAsync("Nieuw in caseload");
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Nieuw bericht over Yara Visser" })).ToHaveCountAsync(1);
            await Expect(item.GetByRole(AriaRole.Link, new() { Name = "Yara Visser" })).ToHaveAttributeAsync("href", $"/personen/{clientId}");
            await Accessibility.AssertNoViolationsAsync(page, "the inbox with an item");
        });
    }

    [BrowserFact]
    public async Task ACoachReleasesSomeoneAfterConfirmingAndNoLongerSeesThem()
    {
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(ACoachReleasesSomeoneAfterConfirmingAndNoLongerSeesThem), async () =>
        {
            var coaches = new CoachService.CoachServiceClient(fixture.Host.Channel);
            var coachId = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Lotte Mulder", CaseloadLimit = 10 })).Coach.CoachId;
            var intake = SampleRequests.Intake(Seed.NeighbourhoodId);
            intake.GivenName = "Daan";
            intake.FamilyName = "Hendriks";
            var clientId = (await new ClientService.ClientServiceClient(fixture.Host.Channel).RegisterClientAsync(intake)).Client.ClientId;
            await coaches.AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId });

            await SignInAsync(page, coachId);
            await page.GotoAsync($"/personen/{clientId}?doel=case_work");
            await page.GetByRole(AriaRole.Button, new() { Name = "Uit mijn caseload halen" }).ClickAsync();
            await Expect(page.GetByText("Wilt u Daan Hendriks uit uw caseload halen?")).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "the release confirmation");
            await page.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
            Assert.Equal(coachId, (await new ClientService.ClientServiceClient(fixture.Host.Channel).GetClientAsync(new GetClientRequest { ClientId = clientId })).Client.CoachId);

            await page.GetByRole(AriaRole.Button, new() { Name = "Uit mijn caseload halen" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Ja, uit mijn caseload halen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn klanten", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Daan Hendriks is uit uw caseload gehaald." })).ToHaveCountAsync(1);
            await Expect(page.GetByText("Uw caseload is nog leeg.")).ToBeVisibleAsync();
            Assert.Equal("", (await new ClientService.ClientServiceClient(fixture.Host.Channel).GetClientAsync(new GetClientRequest { ClientId = clientId })).Client.CoachId);
        });
    }

    [BrowserFact]
    public async Task WhenThePlatformIsBusyTheCoachIsToldSoAndCanTryAgain()
    {
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(WhenThePlatformIsBusyTheCoachIsToldSoAndCanTryAgain), async () =>
        {
            await SignInAsync(page, Seed.CoachId);

            // The next list call is answered as a draining host answers: UNAVAILABLE, trailers only.
            const string List = "**/participatie.v1.ClientService/ListClients";
            await page.RouteAsync(List, route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                Headers = new Dictionary<string, string>
                {
                    ["content-type"] = "application/grpc-web+proto",
                    ["grpc-status"] = "14",
                    ["grpc-message"] = "The host is draining",
                },
                BodyBytes = [],
            }));
            await page.GetByLabel("Naam").FillAsync("jansen");
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            var alert = page.GetByRole(AriaRole.Alert);
            await Expect(alert).ToContainTextAsync("Het platform is even druk, probeer het opnieuw.");
            await Accessibility.AssertNoViolationsAsync(page, "the caseload while the platform is busy");

            await page.UnrouteAsync(List);
            await alert.GetByRole(AriaRole.Button, new() { Name = "Opnieuw proberen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Jansen, Sanne");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        });
    }

    [BrowserFact]
    public async Task WhenTheTokenIsRefusedTheCoachIsAskedToSignInAgain()
    {
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(WhenTheTokenIsRefusedTheCoachIsAskedToSignInAgain), async () =>
        {
            await SignInAsync(page, Seed.CoachId);
            await page.RouteAsync("**/participatie.v1.CoachService/ListFollowUps", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                Headers = new Dictionary<string, string> { ["content-type"] = "application/grpc-web+proto", ["grpc-status"] = "16", ["grpc-message"] = "expired" },
                BodyBytes = [],
            }));
            await page.GetByRole(AriaRole.Link, new() { Name = "Agenda" }).ClickAsync();
            var alert = page.GetByRole(AriaRole.Alert);
            await Expect(alert).ToContainTextAsync("Uw sessie is verlopen. Log opnieuw in.");
            await alert.GetByRole(AriaRole.Button, new() { Name = "Opnieuw inloggen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen voor ontwikkeling" })).ToBeVisibleAsync();
            Assert.Null(await page.EvaluateAsync<string?>("() => window.sessionStorage.getItem('participatie.session')"));
        });
    }

    [BrowserFact]
    public async Task ACoachWhoOpensSomeoneOutsideTheirCaseloadIsToldTheyMayNotSeeThem()
    {
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(ACoachWhoOpensSomeoneOutsideTheirCaseloadIsToldTheyMayNotSeeThem), async () =>
        {
            await SignInAsync(page, Seed.CoachId);
            await page.GotoAsync($"/personen/{Seed.StrangerId}?doel=case_work");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("U mag deze persoon niet inzien.");
            await Expect(page.GetByText("de Vries")).ToHaveCountAsync(0);
            await Accessibility.AssertNoViolationsAsync(page, "a refused person's page");
        });
    }

    [BrowserFact]
    public async Task TheWholeDayWorksByKeyboardAlone()
    {
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(TheWholeDayWorksByKeyboardAlone), async () =>
        {
            await page.GotoAsync("/aanmelden");
            await Expect(page.GetByLabel("Id")).ToBeVisibleAsync();
            // Tab from the top of the page: the skip link first, then the form.
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ga direct naar de inhoud" })).ToBeFocusedAsync();
            await TabToAsync(page, page.GetByLabel("Id"));
            await page.Keyboard.TypeAsync(Seed.CoachId);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn klanten", Level = 1 })).ToBeVisibleAsync();

            var link = page.GetByRole(AriaRole.Link, new() { Name = "El Amrani, Mohamed" });
            await TabToAsync(page, link);
            await page.Keyboard.PressAsync("Enter");
            var choice = page.GetByLabel("Uitkering en betaling");
            await TabToAsync(page, page.GetByLabel("Begeleiding"));
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(choice).ToBeCheckedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mohamed El Amrani", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("purpose")).ToHaveTextAsync("Uitkering en betaling");
        });
    }

    private static async Task SignInAsync(IPage page, string coachId)
    {
        await page.GotoAsync("/aanmelden");
        await page.GetByLabel("Id").FillAsync(coachId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn klanten", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until the element has focus (at most 60 times), as someone without a mouse would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail("The element could not be reached with the Tab key");
    }
}
