using Grpc.Core;
using Participatie.Abstractions.Clients;
using Participatie.Domain.Contracts;

namespace Participatie.Gateway.Security;

/// <summary>
/// Who acts on a person's contract or record: always the authenticated caller, never a name in the request, so a
/// coach cannot agree or decline on the person's behalf. Roles without a part map to none, which the record refuses.
/// </summary>
internal static class Actors
{
    public static ContractActor Of(ServerCallContext context)
    {
        var caller = AccessInterceptor.CallerOf(context)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Send a valid bearer token."));
        var party = caller.Role switch
        {
            Role.Person => Party.Person,
            Role.Coach => Party.Coach,
            Role.Team => Party.Team,
            _ => Party.Unspecified,
        };
        return new ContractActor(party, caller.Subject);
    }
}
