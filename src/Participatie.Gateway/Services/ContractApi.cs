using Grpc.Core;
using Participatie.Abstractions.Clients;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using Participatie.Gateway.Security;

namespace Participatie.Gateway.Services;

/// <summary>ContractService: the social contract. The caller is the party that acts (<see cref="CallContext.Actor"/>).</summary>
public sealed class ContractApi(IGrainFactory grains, CallContext call) : ContractService.ContractServiceBase
{
    public override async Task<GetSocialContractResponse> GetSocialContract(GetSocialContractRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var contract = await Grain(id).GetSocialContractAsync();
        return new GetSocialContractResponse { ClientId = id, Contract = contract.ToContract() };
    }

    public override async Task<ListContractHistoryResponse> ListContractHistory(ListContractHistoryRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var (size, before) = RequestErrors.SequencePage(request.PageSize, request.PageToken);
        var page = await Grain(id).ListContractHistoryAsync(before, size);
        return new ListContractHistoryResponse
        {
            Changes = { page.Select(c => c.ToContract()) },
            NextPageToken = PageTokens.AfterSequence(page.Select(c => c.Sequence).ToList(), size),
        };
    }

    public override async Task<ProposeGoalResponse> ProposeGoal(ProposeGoalRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var goal = await Grain(id).ProposeGoalAsync(call.Actor, new ProposeGoalCommand(
            request.Domain.ToDomain(), request.Description, request.ReviewOn, Optional(request.RequestId)));
        return new ProposeGoalResponse { Goal = goal.ToContract() };
    }

    public override async Task<AgreeGoalResponse> AgreeGoal(AgreeGoalRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var goal = await Grain(id).AgreeGoalAsync(call.Actor, request.GoalId);
        return new AgreeGoalResponse { Goal = goal.ToContract() };
    }

    public override async Task<RecordGoalProgressResponse> RecordGoalProgress(RecordGoalProgressRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var goal = await Grain(id).RecordGoalProgressAsync(call.Actor, new GoalProgressCommand(request.GoalId, request.Percent, request.Note));
        return new RecordGoalProgressResponse { Goal = goal.ToContract() };
    }

    public override async Task<ReviewGoalResponse> ReviewGoal(ReviewGoalRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var goal = await Grain(id).ReviewGoalAsync(call.Actor, new ReviewGoalCommand(request.GoalId, request.NextReviewOn, request.Note));
        return new ReviewGoalResponse { Goal = goal.ToContract() };
    }

    public override async Task<CloseGoalResponse> CloseGoal(CloseGoalRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var goal = await Grain(id).CloseGoalAsync(call.Actor, new CloseGoalCommand(request.GoalId, request.Achieved, request.Note));
        return new CloseGoalResponse { Goal = goal.ToContract() };
    }

    public override async Task<MakeSuggestionResponse> MakeSuggestion(MakeSuggestionRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var suggestion = await Grain(id).MakeSuggestionAsync(call.Actor, new SuggestionCommand(request.Domain.ToDomain(), request.Text, Optional(request.RequestId)));
        return new MakeSuggestionResponse { Suggestion = suggestion.ToContract() };
    }

    public override async Task<RespondToSuggestionResponse> RespondToSuggestion(RespondToSuggestionRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var suggestion = await Grain(id).RespondToSuggestionAsync(call.Actor, new SuggestionAnswerCommand(request.SuggestionId, request.Accept, request.Words));
        return new RespondToSuggestionResponse { Suggestion = suggestion.ToContract() };
    }

    public override async Task<SetLegallyBindingResponse> SetLegallyBinding(SetLegallyBindingRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var contract = await Grain(id).SetLegallyBindingAsync(call.Actor, request.LegallyBinding);
        return new SetLegallyBindingResponse { Contract = contract.ToContract() };
    }

    /// <summary>An optional idempotency key: empty means none.</summary>
    internal static string? Optional(string requestId) => requestId.Length == 0 ? null : requestId;

    private IClientContractGrain Grain(string clientId) => grains.GetGrain<IClientContractGrain>(clientId);
}
