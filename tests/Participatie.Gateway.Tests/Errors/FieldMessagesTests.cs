using Google.Rpc;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Domain.Validation;
using Participatie.Gateway.Errors;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Errors;

/// <summary>
/// Field violations reach people in Dutch: every text the domain's shared checks write has a reason code and a Dutch
/// sentence, so rewording a check without its translation fails here; and a person's bad request over a real channel
/// carries them next to the developer's English.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class FieldMessagesTests(GatewayFixture gateway)
{
    [Fact]
    public void EveryTextOfTheSharedChecksHasAReasonAndADutchSentence()
    {
        var violations = new Violations();
        violations.Text("missing", "", 10);
        violations.Text("long", new string('a', 11), 10);
        violations.Text("short", "ab", 10, minLength: 3);
        violations.Text("control", "a\u0007b", 10);
        violations.Line("lines", "a\nb", 10);
        violations.Line("bidi", "a\u202Eb", 10);
        violations.Range("number", 11, 0, 10);
        violations.Defined("kind", (Participatie.Domain.Participation.ActivityType)99);
        violations.Id("missing_id", "", IdKind.Client);
        violations.Id("client", "someone", IdKind.Client);
        violations.Id("wijk", "Feijenoord", IdKind.Neighbourhood);
        DateRules.Date(violations, "missing_day", "");
        DateRules.Date(violations, "day", "31-01-2026");
        Participatie.Domain.Benefits.Months.Month(violations, "missing_month", "");
        Participatie.Domain.Benefits.Months.Month(violations, "month", "januari");
        violations.Moment("missing_moment", "", DateTimeOffset.UtcNow);
        violations.Moment("moment", "tomorrow", DateTimeOffset.UtcNow);
        violations.Moment("future", DateTimeOffset.UtcNow.AddDays(2).ToString("O"), DateTimeOffset.UtcNow);

        Assert.Equal(18, violations.Items.Count);
        Assert.All(violations.Items, v => Assert.True(FieldMessages.Translate(v.Description) is not null, $"no Dutch for \"{v.Description}\" ({v.Field})"));
        Assert.Equal(("TOO_LONG", "Gebruik hoogstens 10 tekens."), FieldMessages.Translate(violations.Items[1].Description));
        Assert.Equal(("OUT_OF_RANGE", "Kies een getal van 0 tot en met 10."), FieldMessages.Translate(violations.Items[6].Description));
        Assert.Null(FieldMessages.Translate("must fall in the contract's period"));
    }

    [Theory]
    [InlineData("must be on or after 2026-01-01 (the platform's first supported month, Dates:FirstMonth)", "DATE_OUT_OF_RANGE", "Kies 1 januari 2026 of later.")]
    [InlineData("must be 2027-03 or earlier (at most 3 months ahead, Dates:HorizonMonths)", "DATE_OUT_OF_RANGE", "Kies maart 2027 of eerder.")]
    [InlineData("must be between 0 and 12 hours a day (Participation:MaxHoursPerDay)", "OUT_OF_RANGE", "Vul hoogstens 12 uur per dag in.")]
    [InlineData("must not be in the future nor more than 90 days ago", "DATE_OUT_OF_RANGE", "Kies vandaag of een dag van hoogstens 90 dagen geleden.")]
    [InlineData("must not be in the future (today is 2026-12-06 in the Netherlands)", "DATE_IN_FUTURE", "Deze datum mag niet na vandaag liggen.")]
    [InlineData("must be a Dutch postcode, e.g. 3072 AB", "INVALID_POSTCODE", "Vul een Nederlandse postcode in, bijvoorbeeld 3072 AB.")]
    [InlineData("must be a number between 0 and 10", "OUT_OF_RANGE", "Kies een getal van 0 tot en met 10.")]
    public void RulesWithFiguresAndDatesReadAsPeopleWriteThem(string description, string reason, string dutch) =>
        Assert.Equal((reason, dutch), FieldMessages.Translate(description));

    [Fact]
    public async Task APersonsBadGoalIsAnsweredWithDutchSentencesByFieldNextToTheEnglish()
    {
        var person = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(await gateway.NewNeighbourhoodAsync()))).Client.ClientId;
        var contracts = new ContractService.ContractServiceClient(gateway.Host.ChannelAs("person", person, purpose: null));
        var goal = SampleRequests.Goal(person, description: "");
        goal.ReviewOn = "31-01-2027";

        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => contracts.ProposeGoalAsync(goal).ResponseAsync);

        var violations = failure.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.ToDictionary(v => v.Field);
        Assert.Equal(("is required", "REQUIRED", "nl-NL", "Vul dit in."), Parts(violations["description"]));
        var day = Parts(violations["review_on"]);
        Assert.Equal(("INVALID_DATE", "nl-NL", "Vul een bestaande datum in."), (day.Reason, day.Locale, day.Message));
    }

    private static (string Description, string Reason, string Locale, string Message) Parts(BadRequest.Types.FieldViolation v) =>
        (v.Description, v.Reason, v.LocalizedMessage.Locale, v.LocalizedMessage.Message);
}
