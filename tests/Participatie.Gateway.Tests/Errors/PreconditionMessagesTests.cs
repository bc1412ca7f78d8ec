using System.Reflection;
using Google.Rpc;
using Grpc.Core;
using Participatie.Abstractions.Errors;
using Participatie.Contracts.V1;
using Participatie.Gateway.Errors;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Errors;

/// <summary>
/// Why something cannot be done reaches people in Dutch: every reason the platform answers has a sentence, and a real
/// refusal carries it (google.rpc.LocalizedMessage) beside the ErrorInfo and the developer's English message.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class PreconditionMessagesTests(GatewayFixture gateway)
{
    [Fact]
    public void EveryReasonThePlatformAnswersHasADutchSentence()
    {
        var reasons = typeof(Reasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.True(reasons.Count >= 35, $"found only {reasons.Count} reasons");
        Assert.All(reasons, reason => Assert.True(PreconditionMessages.For(reason) is { Locale: "nl-NL", Message.Length: > 10 }, $"no Dutch sentence for {reason}"));
        Assert.Null(PreconditionMessages.For("SOMETHING_ELSE"));
    }

    [Fact]
    public async Task ARefusalCarriesItsReasonTheEnglishForDevelopersAndTheDutchForPeople()
    {
        var id = (await gateway.Clients.RegisterClientAsync(GatewayFixture.Intake(await gateway.NewNeighbourhoodAsync()))).Client.ClientId;
        var end = new EndCaseRequest { ClientId = id, EndedOn = SampleRequests.Day(), Reason = "Werk gevonden" };
        await gateway.Clients.EndCaseAsync(end);

        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => gateway.Clients.EndCaseAsync(end).ResponseAsync);

        var status = refused.GetRpcStatus()!;
        Assert.Equal("CASE_ENDED", status.GetDetail<ErrorInfo>().Reason);
        Assert.Contains(id, status.Message, StringComparison.Ordinal);
        Assert.Equal(("nl-NL", "Deze zaak is beëindigd; er kan niets meer aan veranderen."), (status.GetDetail<LocalizedMessage>().Locale, status.GetDetail<LocalizedMessage>().Message));
    }
}
