using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Participatie.Contracts.V1;
using Participatie.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Participatie.Web.Tests;

/// <summary>Mijn Participatie: a person on assistance, on her phone, in Debian's Chromium against a real silo.</summary>
[Collection(WebAppCollection.Name)]
public sealed class PersonWorkspaceTests(WebAppFixture fixture)
{
    [BrowserFact]
    public async Task APersonDeclinesASuggestionInHerOwnWordsJoinsAnActivityAndSeesWhoLookedAtHerData()
    {
        var world = await PersonWorld.SeedAsync(fixture.Host);
        var page = await NewPhonePageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(APersonDeclinesASuggestionInHerOwnWordsJoinsAnActivityAndSeesWhoLookedAtHerData), async () =>
        {
            await SignInAsync(page, world.ClientId);

            // Mijn contract: the goal her coach proposed, and the suggestion, which she turns down in her own words.
            await Expect(page).ToHaveTitleAsync("Mijn contract – Participatie");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mijn doelen" })).ToContainTextAsync("kinderboerderij");
            var suggestion = page.GetByRole(AriaRole.Region, new() { Name = "Suggesties van uw klantmanager" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "computercursus" });
            await Expect(suggestion).ToContainTextAsync("Wacht op uw antwoord");
            await Accessibility.AssertNoViolationsAsync(page, "my contract");
            await Screenshots.KeepAsync(page, "person-contract");

            await suggestion.GetByLabel("Nee, liever niet").CheckAsync();
            await suggestion.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen" }).ClickAsync();
            var words = suggestion.GetByLabel("In uw eigen woorden");
            await Expect(words).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(suggestion).ToContainTextAsync("Schrijf in uw eigen woorden waarom niet.");
            await Accessibility.AssertNoViolationsAsync(page, "an answer without words");
            await words.FillAsync("Ik zorg 's ochtends voor mijn moeder, dan kan ik niet naar het buurthuis.");
            await suggestion.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen" }).ClickAsync();
            await Expect(suggestion).ToContainTextAsync("U zei nee");
            await Expect(suggestion).ToContainTextAsync("Ik zorg 's ochtends voor mijn moeder");
            await Expect(suggestion.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen" })).ToHaveCountAsync(0);

            // Her coach sees the decline, in her words.
            var contracts = new ContractService.ContractServiceClient(fixture.Host.ChannelAs("coach", world.CoachId, purpose: "case_work"));
            var seen = (await contracts.GetSocialContractAsync(new GetSocialContractRequest { ClientId = world.ClientId })).Contract.Suggestions.Single();
            Assert.Equal((SuggestionStatus.Declined, "Ik zorg 's ochtends voor mijn moeder, dan kan ik niet naar het buurthuis."), (seen.Status, seen.Words));

            // Activiteiten: what is on offer in her neighbourhood, by type; she joins the garden.
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Activiteiten" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activiteiten in de buurt", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3 activiteiten gevonden" })).ToBeVisibleAsync();
            var mine = page.GetByRole(AriaRole.Region, new() { Name = "Waar ik aan meedoe" });
            await Expect(mine).ToContainTextAsync("Koffieochtend");
            await Expect(mine).Not.ToContainTextAsync("Moestuin");
            await Expect(page.GetByText("Elders in de stad")).ToHaveCountAsync(0);
            await Accessibility.AssertNoViolationsAsync(page, "activities");
            await page.GetByLabel("Soort activiteit").SelectOptionAsync(new SelectOptionValue { Label = "Tuinieren" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 activiteit gevonden" })).ToBeVisibleAsync();
            var garden = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Moestuin aan de Maas" }) });
            await Expect(garden).ToContainTextAsync("Door Huis van de Wijk Afrikaanderwijk");
            await Expect(garden).ToContainTextAsync("2 plekken vrij van de 2");
            await Expect(garden).ToContainTextAsync("Dinsdag 10:00-12:00");
            await garden.GetByRole(AriaRole.Button, new() { Name = "Aanmelden voor Moestuin aan de Maas" }).ClickAsync();
            await Expect(garden.GetByRole(AriaRole.Status)).ToContainTextAsync("U doet mee aan Moestuin aan de Maas");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Waar ik aan meedoe" })).ToContainTextAsync("Moestuin aan de Maas");
            await Accessibility.AssertNoViolationsAsync(page, "activities after joining");
            await Screenshots.KeepAsync(page, "person-activities");
            var activity = (await new PartnerService.PartnerServiceClient(fixture.Host.Channel).GetActivityAsync(new GetActivityRequest { ActivityId = world.GardenId })).Activity;
            Assert.Equal(1, activity.Enrolled);

            // Mijn uren: the hours the coffee morning recorded for her make her active.
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Mijn uren" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "U doet actief mee", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(world.HoursDayInDutch);
            var coffeeHours = page.GetByRole(AriaRole.Table, new() { Name = "Uren bij Koffieochtend, nieuwste eerst" });
            await Expect(coffeeHours.GetByRole(AriaRole.Row).Filter(new() { HasText = world.HoursDayInDutch })).ToContainTextAsync("2");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Voor deze activiteit zijn nog geen uren geschreven.");
            await Accessibility.AssertNoViolationsAsync(page, "my hours");

            // Mijn uitkering: line by line, each amount with its rule and the date the rule holds from.
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Mijn uitkering" }).ClickAsync();
            var statement = page.GetByRole(AriaRole.Region, new() { Name = "Uitkeringsspecificatie" });
            await Expect(statement.GetByRole(AriaRole.Table)).ToContainTextAsync("Bijstandsnorm");
            await Expect(statement.GetByRole(AriaRole.Table)).ToContainTextAsync("geldig vanaf");
            await Expect(statement.GetByTestId("statement-total")).ToContainTextAsync("€");
            await Expect(page).ToHaveTitleAsync("Mijn uitkering – Participatie");
            await Accessibility.AssertNoViolationsAsync(page, "my benefit");

            // Wie keek er: her coach's read, with its purpose in words; an admin who read her record for her at the desk.
            var atTheDesk = TestKeys.Channel(fixture.Host.Address, TestKeys.Token("admin", "ssc-desk"), "support", new Dictionary<string, string> { ["x-on-behalf-of"] = world.ClientId });
            await new ClientService.ClientServiceClient(atTheDesk).GetClientAsync(new GetClientRequest { ClientId = world.ClientId });
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Wie keek er" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wie keek er in mijn gegevens", Level = 1 })).ToBeVisibleAsync();
            var coachRead = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Uw klantmanager" }).Filter(new() { HasText = "Om de kwaliteit van het werk te controleren" });
            await Expect(coachRead.First).ToContainTextAsync("bekeek uw gegevens");
            await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("U zelf");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Een beheerder van de gemeente, namens u" }).First).ToContainTextAsync("Om u te helpen met de app of een vraag");
            await Expect(page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync("ssc-desk");
            await Expect(page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync(world.CoachId);
            await Accessibility.AssertNoViolationsAsync(page, "who looked at my data");
            await Screenshots.KeepAsync(page, "person-access-log");

            // Alles downloaden: a file with everything held about her.
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Alles downloaden" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alles downloaden", Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "download");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Mijn gegevens downloaden" }).ClickAsync());
            Assert.Matches(new Regex(@"^mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$"), download.SuggestedFilename);
            var file = await download.PathAsync();
            var json = await File.ReadAllTextAsync(file);
            Assert.Contains(world.ClientId, json, StringComparison.Ordinal);
            Assert.Contains("voor mijn moeder, dan kan ik niet naar het buurthuis", json, StringComparison.Ordinal);
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is gedownload");
            await Accessibility.AssertNoViolationsAsync(page, "download done");
        });
    }

    [BrowserFact]
    public async Task APersonSignsInAndAcceptsASuggestionByKeyboardAlone()
    {
        var world = await PersonWorld.SeedAsync(fixture.Host);
        var page = await NewPhonePageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(APersonSignsInAndAcceptsASuggestionByKeyboardAlone), async () =>
        {
            await page.GotoAsync("/aanmelden");
            await Expect(page.GetByLabel("Id")).ToBeVisibleAsync();
            await TabToAsync(page, page.GetByLabel("Rol"));
            // Typing a closed select's option chooses it, wherever the role stands in the list.
            await page.Keyboard.TypeAsync("inwoner");
            await Expect(page.GetByLabel("Rol")).ToHaveValueAsync("person");
            await TabToAsync(page, page.GetByLabel("Id"));
            await page.Keyboard.TypeAsync(world.ClientId);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn contract", Level = 1 })).ToBeVisibleAsync();

            var suggestion = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "computercursus" });
            await TabToAsync(page, suggestion.GetByLabel("Ja, dat wil ik"));
            await page.Keyboard.PressAsync("Space");
            await TabToAsync(page, suggestion.GetByLabel("In uw eigen woorden"));
            await page.Keyboard.TypeAsync("Leuk, dan leer ik mailen met mijn dochter.");
            await TabToAsync(page, suggestion.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen" }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(suggestion).ToContainTextAsync("U zei ja");

            // Agreeing to the goal her coach proposed, by keyboard too: with both parties' agreement it is agreed.
            var goal = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "kinderboerderij" });
            await TabToAsync(page, goal.GetByRole(AriaRole.Button, new() { Name = "Ik ga akkoord met dit doel" }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(goal.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent akkoord gegaan met dit doel.");
            await Expect(goal).ToContainTextAsync("Afgesproken");
            await Expect(goal.GetByRole(AriaRole.Button, new() { Name = "Ik ga akkoord met dit doel" })).ToHaveCountAsync(0);
            await Accessibility.AssertNoViolationsAsync(page, "my contract after answering");

            var contract = (await new ContractService.ContractServiceClient(fixture.Host.ChannelAs("coach", world.CoachId, purpose: "case_work"))
                .GetSocialContractAsync(new GetSocialContractRequest { ClientId = world.ClientId })).Contract;
            Assert.Equal(SuggestionStatus.Accepted, contract.Suggestions.Single().Status);
            Assert.Equal(GoalStatus.Agreed, contract.Goals.Single().Status);
            Assert.NotEmpty(contract.Goals.Single().AgreedByPersonAt);
        });
    }

    [BrowserFact]
    public async Task APersonProposesAGoalOfHerOwnAndIsToldNextToTheFieldWhatIsMissing()
    {
        var world = await PersonWorld.SeedAsync(fixture.Host);
        var page = await NewPhonePageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(APersonProposesAGoalOfHerOwnAndIsToldNextToTheFieldWhatIsMissing), async () =>
        {
            await SignInAsync(page, world.ClientId);
            var form = page.GetByRole(AriaRole.Region, new() { Name = "Zelf een doel voorstellen" });
            await form.GetByLabel("Levensgebied").SelectOptionAsync(new SelectOptionValue { Label = "Taal" });
            await form.GetByLabel("Omschrijving").FillAsync("Elke week naar het taalcafé in de bibliotheek");
            await form.GetByRole(AriaRole.Button, new() { Name = "Doel voorstellen" }).ClickAsync();
            await Expect(form.GetByLabel("Bespreken op")).ToHaveAttributeAsync("aria-invalid", "true");
            // In the gateway's Dutch (google.rpc.LocalizedMessage), not the developer's English.
            await Expect(form.GetByLabel("Bespreken op")).ToHaveAccessibleDescriptionAsync(new Regex("Vul een datum in\\."));
            await Accessibility.AssertNoViolationsAsync(page, "a goal with a missing field");
            await form.GetByLabel("Bespreken op").FillAsync(SampleRequests.Day(28));
            await form.GetByRole(AriaRole.Button, new() { Name = "Doel voorstellen" }).ClickAsync();
            await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw doel is voorgesteld aan uw klantmanager.");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mijn doelen" })).ToContainTextAsync("taalcafé");
        });
    }

    private async Task<IPage> NewPhonePageAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.WebAddress,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page, string clientId)
    {
        await page.GotoAsync("/aanmelden");
        await page.GetByLabel("Rol").SelectOptionAsync("person");
        await page.GetByLabel("Id").FillAsync(clientId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn contract", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until the element has focus (at most 80 times), as someone without a mouse would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 80; i++)
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
