using Google.Protobuf.Reflection;
using Participatie.Contracts.V1;
using Participatie.Gateway.Errors;
using Rules = Participatie.Domain.Contracts;

namespace Participatie.Gateway.Tests.Errors;

/// <summary>
/// Every field the domain names in a request of the social contract or the person's record reaches the caller as a
/// field of that RPC's request message: the names match by the snake_case rule alone, so these RPCs need no entry in
/// <c>ProtoFieldNames.Renamed</c>. Renaming a member on either side makes this fail.
/// </summary>
public sealed class ContractFieldNamesTests
{
    public static TheoryData<string, Type, Type> Requests => new()
    {
        { "/participatie.v1.ContractService/ProposeGoal", typeof(Rules.ProposeGoal), typeof(ProposeGoalRequest) },
        { "/participatie.v1.ContractService/AgreeGoal", typeof(Rules.AgreeGoal), typeof(AgreeGoalRequest) },
        { "/participatie.v1.ContractService/RecordGoalProgress", typeof(Rules.RecordProgress), typeof(RecordGoalProgressRequest) },
        { "/participatie.v1.ContractService/ReviewGoal", typeof(Rules.ReviewGoal), typeof(ReviewGoalRequest) },
        { "/participatie.v1.ContractService/CloseGoal", typeof(Rules.CloseGoal), typeof(CloseGoalRequest) },
        { "/participatie.v1.ContractService/MakeSuggestion", typeof(Rules.MakeSuggestion), typeof(MakeSuggestionRequest) },
        { "/participatie.v1.ContractService/RespondToSuggestion", typeof(Rules.AnswerSuggestion), typeof(RespondToSuggestionRequest) },
        { "/participatie.v1.RecordService/RecordWellBeing", typeof(Rules.RecordWellBeing), typeof(RecordWellBeingRequest) },
        { "/participatie.v1.RecordService/AddJournalEntry", typeof(Rules.AddJournalEntry), typeof(AddJournalEntryRequest) },
        { "/participatie.v1.RecordService/ReportOutflow", typeof(Rules.ReportOutflow), typeof(ReportOutflowRequest) },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void EveryFieldTheDomainNamesIsAFieldOfTheRequestTheCallerSent(string method, Type request, Type message)
    {
        var descriptor = (MessageDescriptor)message.GetProperty(nameof(ProposeGoalRequest.Descriptor))!.GetValue(null)!;

        var missing = request.GetProperties()
            .Select(p => ProtoFieldNames.Of(method, p.Name))
            .Where(field => descriptor.FindFieldByName(field) is null);

        Assert.Empty(missing);
    }
}
