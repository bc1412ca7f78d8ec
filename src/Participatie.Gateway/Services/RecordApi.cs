using Grpc.Core;
using Participatie.Abstractions.Clients;
using Participatie.Contracts.V1;
using Participatie.Domain;
using Participatie.Gateway.Errors;
using Participatie.Gateway.Mapping;
using Participatie.Gateway.Security;

namespace Participatie.Gateway.Services;

/// <summary>RecordService: well-being, the contact journal, outflow, and the record at a glance.</summary>
public sealed class RecordApi(IGrainFactory grains, CallContext call) : RecordService.RecordServiceBase
{
    public override async Task<GetPersonRecordResponse> GetPersonRecord(GetPersonRecordRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var record = (await Grain(id).GetPersonRecordAsync()).ToContract();
        var seesWellBeing = call.Caller?.Role is Role.Coach or Role.Person;
        return new GetPersonRecordResponse { ClientId = id, Record = seesWellBeing ? record : record.WithoutWellBeing() };
    }

    public override async Task<RecordWellBeingResponse> RecordWellBeing(RecordWellBeingRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var checkIn = await Grain(id).RecordWellBeingAsync(call.Actor, new WellBeingCommand(request.Score, request.Note, ContractApi.Optional(request.RequestId)));
        return new RecordWellBeingResponse { CheckIn = checkIn.ToContract() };
    }

    public override async Task<ListWellBeingResponse> ListWellBeing(ListWellBeingRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var (size, before) = RequestErrors.SequencePage(request.PageSize, request.PageToken);
        var page = await Grain(id).ListWellBeingAsync(before, size);
        return new ListWellBeingResponse
        {
            CheckIns = { page.Select(w => w.ToContract()) },
            NextPageToken = PageTokens.AfterSequence(page.Select(w => w.Sequence).ToList(), size),
        };
    }

    public override async Task<AddJournalEntryResponse> AddJournalEntry(AddJournalEntryRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var grain = Grain(id);
        var entry = await grain.AddJournalEntryAsync(call.Actor, new JournalEntryCommand(
            request.Type.ToDomain(), request.ContactedOn, request.Note, ContractApi.Optional(request.RequestId)));
        var record = await grain.GetPersonRecordAsync();
        return new AddJournalEntryResponse { Entry = entry.ToContract(), LastContactOn = RecordMapping.Iso(record.LastContactOn) };
    }

    public override async Task<ListJournalResponse> ListJournal(ListJournalRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var (size, before) = RequestErrors.SequencePage(request.PageSize, request.PageToken);
        var page = await Grain(id).ListJournalAsync(before, size);
        return new ListJournalResponse
        {
            Entries = { page.Select(j => j.ToContract()) },
            NextPageToken = PageTokens.AfterSequence(page.Select(j => j.Sequence).ToList(), size),
        };
    }

    public override async Task<ReportOutflowResponse> ReportOutflow(ReportOutflowRequest request, ServerCallContext context)
    {
        var id = RequestErrors.RequireId("client_id", request.ClientId, IdKind.Client);
        var outflow = await Grain(id).ReportOutflowAsync(call.Actor, new OutflowCommand(request.HoursPerWeek, request.StartOn));
        return new ReportOutflowResponse { Outflow = outflow.ToContract() };
    }

    private IClientRecordGrain Grain(string clientId) => grains.GetGrain<IClientRecordGrain>(clientId);
}
