using Grpc.Core;
using Participatie.Abstractions.Experiments;
using Participatie.Abstractions.Platform;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using Participatie.Gateway.Security;

namespace Participatie.Gateway.Services;

/// <summary>ExperimentService: map the request, call the experiment's grain, map the reply.</summary>
public sealed class ExperimentApi(IGrainFactory grains, CallContext call) : ExperimentService.ExperimentServiceBase
{
    public override async Task<CreateExperimentResponse> CreateExperiment(CreateExperimentRequest request, ServerCallContext context)
    {
        var design = request.Design ?? new ExperimentDesign();
        var id = RequestErrors.RequireId("design.experiment_id", design.ExperimentId, IdKind.Experiment);
        var experiment = await grains.GetGrain<IExperimentGrain>(id).CreateAsync(design.ToCommand(call.Subject));
        return new CreateExperimentResponse { Experiment = experiment.ToContract() };
    }

    public override async Task<GetExperimentResponse> GetExperiment(GetExperimentRequest request, ServerCallContext context) =>
        new() { Experiment = (await Experiment(request.ExperimentId).GetAsync()).ToContract() };

    public override async Task<SignUpResponse> SignUp(SignUpRequest request, ServerCallContext context)
    {
        var assignment = await Experiment(request.ExperimentId).SignUpAsync(new SignUpCommand(request.ClientId, request.Consent.ToData(), call.Subject));
        return new SignUpResponse { Assignment = assignment.ToContract() };
    }

    public override async Task<WithdrawResponse> Withdraw(WithdrawRequest request, ServerCallContext context) =>
        new() { Assignment = (await Experiment(request.ExperimentId).WithdrawAsync(request.ClientId, call.Subject)).ToContract() };

    public override async Task<DrawResponse> Draw(DrawRequest request, ServerCallContext context)
    {
        var command = new DrawCommand(request.HasSeed ? request.Seed : null, request.Algorithm, call.Subject);
        return new DrawResponse { Experiment = (await Experiment(request.ExperimentId).DrawAsync(command)).ToContract() };
    }

    public override async Task<VerifyDrawResponse> VerifyDraw(VerifyDrawRequest request, ServerCallContext context)
    {
        var verification = await Experiment(request.ExperimentId).VerifyDrawAsync();
        return new VerifyDrawResponse
        {
            Matches = verification.Matches,
            Compared = verification.Compared,
            Differences = verification.Differences,
            Draw = verification.Draw.ToContract(),
        };
    }

    public override async Task<GetAssignmentResponse> GetAssignment(GetAssignmentRequest request, ServerCallContext context) =>
        new() { Assignment = (await Experiment(request.ExperimentId).GetAssignmentAsync(request.ClientId)).ToContract() };

    public override async Task<RecordOutcomesResponse> RecordOutcomes(RecordOutcomesRequest request, ServerCallContext context)
    {
        var recorded = await Experiment(request.ExperimentId).RecordOutcomesAsync(
            new RecordOutcomesCommand([.. request.Outcomes.Select(o => o.ToData())], call.Subject));
        return new RecordOutcomesResponse { Recorded = recorded.Recorded, Total = recorded.Total };
    }

    public override async Task<GetResultsResponse> GetResults(GetResultsRequest request, ServerCallContext context) =>
        (await Experiment(request.ExperimentId).GetResultsAsync(request.Month)).ToContract();

    public override async Task<ListExperimentsResponse> ListExperiments(ListExperimentsRequest request, ServerCallContext context)
    {
        var (size, after) = RequestErrors.Page(request.PageSize, request.PageToken);
        var page = await grains.GetGrain<IDirectoryPagesGrain>(DirectoryPagesKeys.Any).ListExperimentsAsync(after, size);
        return new ListExperimentsResponse
        {
            Experiments = { page.Experiments.Select(e => e.ToContract()) },
            NextPageToken = PageTokens.Encode(page.ContinueAfter),
        };
    }

    private IExperimentGrain Experiment(string experimentId) =>
        grains.GetGrain<IExperimentGrain>(RequestErrors.RequireId("experiment_id", experimentId, IdKind.Experiment));
}
