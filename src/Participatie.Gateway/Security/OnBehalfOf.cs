using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Participatie.Domain;

namespace Participatie.Gateway.Security;

/// <summary>
/// An admin who acts for someone else (enters the income form a person handed in at the desk, records hours a
/// partner phoned through, takes over a coach's work) says for whom in the <c>x-on-behalf-of</c> header: a client id,
/// a coach id or a partner id. The stored act names the admin, who did it; the audit record names both. Only admins
/// act for others; anyone else who sends the header is refused, so no one can make a record read as if another
/// asked for it.
/// </summary>
public static class OnBehalfOf
{
    public const string Header = "x-on-behalf-of";

    /// <summary>Whom the caller acts for, or null when the header is absent; refuses what the caller may not claim.</summary>
    public static string? Of(Caller caller, ServerCallContext context)
    {
        var named = context.RequestHeaders.GetValue(Header);
        if (named is null)
        {
            return null;
        }

        if (caller.Role != Role.Admin)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, $"Only an admin acts on someone's behalf ({Header})."));
        }

        if (Ids.IsValid(IdKind.Client, named) || Ids.IsValid(IdKind.Coach, named) || Ids.IsValid(IdKind.Partner, named))
        {
            return named;
        }

        throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"{Header} must name the person, coach or partner the admin acts for.",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = Header, Description = "must be a client id (cl-…), a coach id (co-…) or a partner id (pt-…)" } },
                }),
            },
        }.ToRpcException();
    }
}
