using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Participatie.Contracts.V1;
using Participatie.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Participatie.Web.Tests;

/// <summary>A volunteer coordinator at a Huis van de Wijk in the web app: activities, participants and a week of hours.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class PartnerWorkspaceTests(WebAppFixture fixture)
{
    [BrowserFact]
    public async Task APartnerRecordsAWeekOfHoursForTwoParticipantsByKeyboardAndSeesACorrectionAsSuch()
    {
        var seed = await PartnerWithActivityAsync(["Sanne", "Mohamed"]);
        var monday = DutchDates.LastWeeksMonday;
        var (sanne, mohamed) = (seed.References["Sanne"], seed.References["Mohamed"]);

        // Sanne's Wednesday was recorded before: 2 hours.
        using (var asPartner = fixture.Host.ChannelAs("partner", seed.PartnerId, purpose: null))
        {
            await new PartnerService.PartnerServiceClient(asPartner).RecordHoursAsync(new RecordHoursRequest
            {
                ActivityId = seed.ActivityId, ParticipantRef = sanne, Date = DutchDates.Iso(monday.AddDays(2)), Hours = 2,
            });
        }

        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(APartnerRecordsAWeekOfHoursForTwoParticipantsByKeyboardAndSeesACorrectionAsSuch), async () =>
        {
            await SignInAsync(page, seed.PartnerId);
            await Accessibility.AssertNoViolationsAsync(page, "the partner's activities");
            await page.GetByRole(AriaRole.Link, new() { Name = "Moestuin aan de Maas" }).ClickAsync();

            // Participants by first name and reference only.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Moestuin aan de Maas", Level = 1 })).ToBeVisibleAsync();
            var participants = page.GetByRole(AriaRole.Table, new() { Name = "Deelnemers van deze activiteit" });
            await Expect(participants).ToContainTextAsync("Sanne");
            await Expect(participants).ToContainTextAsync(mohamed);
            await Expect(participants).Not.ToContainTextAsync("El Amrani");
            await Expect(page).ToHaveTitleAsync("Moestuin aan de Maas – Participatie");
            await Accessibility.AssertNoViolationsAsync(page, "an activity with its participants");

            await page.GetByRole(AriaRole.Link, new() { Name = "Uren per week invullen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uren van Moestuin aan de Maas", Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "this week's hours");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vorige week" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = $"{DutchDates.Day(monday)} tot en met {DutchDates.Day(monday.AddDays(6))}" })).ToBeVisibleAsync();
            var wednesday = Cell(page, "Sanne", monday.AddDays(2));
            await Expect(wednesday).ToHaveValueAsync("2");

            // By keyboard alone: Sanne's Monday to Wednesday with Tab (Wednesday corrected from 2 to 3), then down to
            // Mohamed's Wednesday and left to his Tuesday with the arrow keys, and Enter saves.
            await TabToAsync(page, Cell(page, "Sanne", monday));
            await page.Keyboard.TypeAsync("2,5");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("2");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("3");
            await page.Keyboard.PressAsync(string.CompareOrdinal(sanne, mohamed) < 0 ? "ArrowDown" : "ArrowUp");
            await Expect(Cell(page, "Mohamed", monday.AddDays(2))).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("1,5");
            await page.Keyboard.PressAsync("Home");
            await page.Keyboard.PressAsync("ArrowLeft");
            await Expect(Cell(page, "Mohamed", monday.AddDays(1))).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("4");
            await Expect(page.GetByText("5 wijzigingen zijn nog niet opgeslagen.")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByText("5 dagen zijn opgeslagen.")).ToBeVisibleAsync();
            await Expect(wednesday).ToHaveValueAsync("3");
            var sanneRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = sanne });
            await Expect(sanneRow).ToContainTextAsync("Gecorrigeerd, eerder 2");
            await Expect(sanneRow.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("7,5");
            await Expect(wednesday).ToHaveAccessibleDescriptionAsync(new Regex("Gecorrigeerd, eerder 2"));
            var corrections = page.GetByRole(AriaRole.Table, new() { Name = "Correcties met eerdere waarden" });
            await Expect(corrections.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
            await Expect(corrections).ToContainTextAsync("Sanne");
            await Expect(corrections).ToContainTextAsync("2 uur");

            // A correction of a day entered just now is shown as one too; a figure that is no quarter hour is refused
            // next to its cell before anything is sent.
            var mohamedsWednesday = Cell(page, "Mohamed", monday.AddDays(2));
            await mohamedsWednesday.FillAsync("1,3");
            await Expect(page.GetByText("Geen geldige uren")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Uren opslaan" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Niet alle uren zijn goed ingevuld");
            await Expect(mohamedsWednesday).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("1,75");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByText("1 dag is opgeslagen.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = mohamed })).ToContainTextAsync("Gecorrigeerd, eerder 1,5");
            await Expect(corrections.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
            await Accessibility.AssertNoViolationsAsync(page, "last week's hours with corrections");
            await Screenshots.KeepAsync(page, "partner-hours");

            // What the platform holds: the figures in force and the ones they replaced.
            var stored = await new PartnerService.PartnerServiceClient(fixture.Host.Channel).ListHoursAsync(new ListHoursRequest
            {
                ActivityId = seed.ActivityId, FirstDay = DutchDates.Iso(monday), LastDay = DutchDates.Iso(monday.AddDays(6)),
            });
            var expected = new[]
            {
                $"{sanne} {DutchDates.Iso(monday)} 2.5 []",
                $"{sanne} {DutchDates.Iso(monday.AddDays(1))} 2 []",
                $"{sanne} {DutchDates.Iso(monday.AddDays(2))} 3 [2]",
                $"{mohamed} {DutchDates.Iso(monday.AddDays(1))} 4 []",
                $"{mohamed} {DutchDates.Iso(monday.AddDays(2))} 1.75 [1.5]",
            };
            Assert.Equal(
                expected.Order(StringComparer.Ordinal),
                stored.Days.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.ParticipantRef} {d.Date} {d.Current.Hours} [{string.Join(",", d.History.Select(h => h.Hours))}]")).Order(StringComparer.Ordinal));
        });
    }

    [BrowserFact]
    public async Task APartnerCreatesAnActivityFixingTheFieldThePlatformRefusedThenChangesAndClosesIt()
    {
        var seed = await PartnerWithActivityAsync([]);
        var page = await fixture.NewPageAsync();
        await Failures.ScreenshotOnFailureAsync(page, nameof(APartnerCreatesAnActivityFixingTheFieldThePlatformRefusedThenChangesAndClosesIt), async () =>
        {
            await SignInAsync(page, seed.PartnerId);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Nieuwe activiteit" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nieuwe activiteit", Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "the new activity form");

            await page.GetByLabel("Naam van de activiteit").FillAsync("Koffieochtend Huis van de Wijk");
            await page.GetByLabel("Soort activiteit").SelectOptionAsync(new SelectOptionValue { Label = "Ontmoeting (koffieochtend, inloop, buurtmaaltijd)" });
            await page.GetByLabel("Wijk", new() { Exact = true }).FillAsync(seed.NeighbourhoodId);
            await page.GetByLabel("Aantal plaatsen").FillAsync("0");
            await page.GetByLabel("Wanneer").FillAsync("dinsdag 10:00–12:00");
            await page.GetByLabel("Contactpersoon voor deelnemers").FillAsync("Anouk, 010-1234567");
            await page.GetByRole(AriaRole.Button, new() { Name = "Activiteit aanmaken" }).ClickAsync();

            // The refused field says why, next to it, and is marked for screen readers.
            var capacity = page.GetByLabel("Aantal plaatsen");
            await Expect(capacity).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(capacity).ToHaveAccessibleDescriptionAsync(new Regex("Vul een aantal plaatsen in van 1 tot 10.000"));
            await Expect(page.GetByLabel("Naam van de activiteit")).Not.ToHaveAttributeAsync("aria-invalid", "true");
            await Accessibility.AssertNoViolationsAsync(page, "the new activity form with a refused field");
            await capacity.FillAsync("12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Activiteit aanmaken" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Koffieochtend Huis van de Wijk", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("De activiteit is aangemaakt.")).ToBeVisibleAsync();
            await Expect(page.GetByText("0 van 12")).ToBeVisibleAsync();
            await Expect(page.GetByText("Er hebben zich nog geen deelnemers aangemeld.")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens wijzigen" }).ClickAsync();
            await Expect(page.GetByLabel("Aantal plaatsen")).ToHaveValueAsync("12");
            await Accessibility.AssertNoViolationsAsync(page, "the change activity form");
            await page.GetByLabel("Aantal plaatsen").FillAsync("15");
            await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
            await Expect(page.GetByText("De wijzigingen zijn opgeslagen.")).ToBeVisibleAsync();
            await Expect(page.GetByText("0 van 15")).ToBeVisibleAsync();

            await page.GetByLabel("Waarom sluit u de activiteit?").FillAsync("De ruimte is niet meer beschikbaar.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Activiteit sluiten" }).ClickAsync();
            await Expect(page.GetByText(new Regex("^Gesloten op"))).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Gegevens wijzigen" })).ToHaveCountAsync(0);
            await Accessibility.AssertNoViolationsAsync(page, "a closed activity");

            await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar uw activiteiten" }).ClickAsync();
            var activities = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("Activiteiten van uw organisatie") });
            await Expect(activities.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
            await Expect(activities.GetByRole(AriaRole.Row).Filter(new() { HasText = "Koffieochtend" })).ToContainTextAsync("Gesloten op");
        });
    }

    /// <summary>The hours cell of a participant (by first name) on a day.</summary>
    private static ILocator Cell(IPage page, string firstName, DateOnly day) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = $"Uren van {firstName} op {DutchDates.Day(day)}", Exact = true });

    private static async Task SignInAsync(IPage page, string partnerId)
    {
        await page.GotoAsync("/aanmelden");
        await page.GetByLabel("Rol").SelectOptionAsync("partner");
        await page.GetByLabel("Id").FillAsync(partnerId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uw activiteiten", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Uw activiteiten – Participatie");
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

    /// <summary>
    /// A neighbourhood, a partner (registered by an admin) with an activity it created itself, and people who agreed
    /// to take part in their own app, each given a place: their references by first name.
    /// </summary>
    private async Task<PartnerSeed> PartnerWithActivityAsync(string[] firstNames)
    {
        var admin = fixture.Host.Channel;
        var neighbourhoodId = $"wk-pw-{Guid.NewGuid():N}"[..20];
        await new NeighbourhoodService.NeighbourhoodServiceClient(admin).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = neighbourhoodId, Name = "Bloemhof", Municipality = "Rotterdam" });
        var partnerId = $"pt-web-{Guid.NewGuid():N}"[..20];
        await new PartnerService.PartnerServiceClient(admin).RegisterPartnerAsync(
            new RegisterPartnerRequest { PartnerId = partnerId, Name = "Huis van de Wijk Bloemhof", Contact = "Anouk, 010-1234567" });
        using var asPartner = fixture.Host.ChannelAs("partner", partnerId, purpose: null);
        var activity = (await new PartnerService.PartnerServiceClient(asPartner).CreateActivityAsync(new CreateActivityRequest
        {
            PartnerId = partnerId,
            Activity = new ActivityDetails
            {
                Title = "Moestuin aan de Maas",
                Type = ActivityType.Gardening,
                NeighbourhoodId = neighbourhoodId,
                Capacity = 8,
                Schedule = "Dinsdag en donderdag 10:00-12:00",
                ContactPerson = "Anouk, 010-1234567",
            },
        })).Activity.ActivityId;

        var references = new Dictionary<string, string>();
        foreach (var firstName in firstNames)
        {
            var intake = SampleRequests.Intake(neighbourhoodId);
            intake.GivenName = firstName;
            var clientId = (await new ClientService.ClientServiceClient(admin).RegisterClientAsync(intake)).Client.ClientId;
            using var asPerson = fixture.Host.ChannelAs("person", clientId, purpose: null);
            var enrolment = await new ClientService.ClientServiceClient(asPerson).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = clientId, ActivityId = activity });
            references[firstName] = enrolment.ParticipantRef;
        }

        return new PartnerSeed(neighbourhoodId, partnerId, activity, references);
    }

    private sealed record PartnerSeed(string NeighbourhoodId, string PartnerId, string ActivityId, IReadOnlyDictionary<string, string> References);
}
