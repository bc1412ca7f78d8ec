using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Participatie.Fuzz.Tests.Rpcs;
using Participatie.Gateway;

namespace Participatie.Fuzz.Tests.Oracle;

/// <summary>
/// What every reply to hostile input must be, from the error table of protos/README.md: INVALID_ARGUMENT with a BadRequest
/// whose violations name real fields of the request, NOT_FOUND and ALREADY_EXISTS with ResourceInfo,
/// FAILED_PRECONDITION with an ErrorInfo reason, OK only for input that is valid; RESOURCE_EXHAUSTED exactly for a
/// message above the gateway's size limit. Never INTERNAL or UNKNOWN, never anything else.
/// </summary>
public static class ReplyOracle
{
    /// <summary>A status message or violation that echoes a huge input back is a defect of its own.</summary>
    public const int MaxMessageLength = 1000;

    /// <param name="rpc">The RPC called.</param>
    /// <param name="bytes">The request bytes sent.</param>
    /// <param name="request">The request as protobuf parses the bytes, or null when they cannot be parsed.</param>
    /// <param name="reply">What came back.</param>
    /// <param name="deniedToCaller">
    /// PERMISSION_DENIED or UNAUTHENTICATED when the test's caller may not call this RPC at all (its plausible request
    /// got that answer): then that answer is right for anything protobuf can parse.
    /// </param>
    public static IEnumerable<string> Problems(Rpc rpc, byte[] bytes, IMessage? request, RawReply reply, StatusCode? deniedToCaller = null)
    {
        if (bytes.Length > GatewayExtensions.MaxMessageBytes)
        {
            if (reply.Status != StatusCode.ResourceExhausted)
            {
                yield return $"a message of {bytes.Length} bytes (limit {GatewayExtensions.MaxMessageBytes}) got {Describe(reply)}, expected RESOURCE_EXHAUSTED";
            }

            yield break;
        }

        if (request is null)
        {
            if (reply.Status != StatusCode.InvalidArgument)
            {
                yield return $"bytes that are not a valid {rpc.Input.Name} got {Describe(reply)}, expected INVALID_ARGUMENT";
                yield break;
            }
        }

        if (reply.Failure is { } failure)
        {
            if (Texts.HasControl(failure.Status.Detail) || failure.Status.Detail.Length > MaxMessageLength)
            {
                yield return $"the status message {Texts.Show(failure.Status.Detail)} has control characters or is too long";
            }
        }

        if (request is not null && reply.Status == deniedToCaller)
        {
            yield break;
        }

        switch (reply.Status)
        {
            case StatusCode.OK:
                if (reply.Messages.Count != 1 && rpc.Method.Type is MethodType.Unary or MethodType.ClientStreaming)
                {
                    yield return $"OK with {reply.Messages.Count} messages";
                }

                break;

            case StatusCode.InvalidArgument:
            {
                var badRequest = Detail<BadRequest>(reply, out var problem);
                if (badRequest is null)
                {
                    yield return problem!;
                    break;
                }

                if (badRequest.FieldViolations.Count == 0)
                {
                    yield return "INVALID_ARGUMENT with a BadRequest without field violations";
                }

                foreach (var violation in badRequest.FieldViolations)
                {
                    var fieldOk = request is null
                        ? violation.Field.Length == 0 || FieldPaths.IsFieldOf(rpc.Input, violation.Field, null)
                        : FieldPaths.IsFieldOf(rpc.Input, violation.Field, request);
                    if (!fieldOk)
                    {
                        yield return $"field violation names \"{violation.Field}\", which is not a field of {rpc.Input.Name} as sent";
                    }

                    if (string.IsNullOrWhiteSpace(violation.Description))
                    {
                        yield return $"field violation of \"{violation.Field}\" has no description";
                    }
                    else if (Texts.HasControl(violation.Description) || violation.Description.Length > MaxMessageLength)
                    {
                        yield return $"field violation of \"{violation.Field}\" has description {Texts.Show(violation.Description)}: control characters or too long";
                    }
                }

                break;
            }

            case StatusCode.NotFound or StatusCode.AlreadyExists:
            {
                var resource = Detail<ResourceInfo>(reply, out var problem);
                if (resource is null)
                {
                    yield return problem!;
                }
                else if (string.IsNullOrEmpty(resource.ResourceType) || string.IsNullOrEmpty(resource.ResourceName))
                {
                    yield return $"{reply.Status} with ResourceInfo without type or name: {resource}";
                }

                break;
            }

            case StatusCode.FailedPrecondition:
            {
                var info = Detail<ErrorInfo>(reply, out var problem);
                if (info is null)
                {
                    yield return problem!;
                }
                else if (string.IsNullOrEmpty(info.Reason) || info.Reason.Any(c => c is not (>= 'A' and <= 'Z' or '_' or >= '0' and <= '9')))
                {
                    yield return $"FAILED_PRECONDITION with ErrorInfo reason \"{info.Reason}\", expected an UPPER_SNAKE_CASE reason";
                }

                break;
            }

            default:
                yield return $"got {Describe(reply)}, which is never the answer to bad input";
                break;
        }
    }

    public static string Describe(RawReply reply) =>
        reply.Failure is null ? reply.Status.ToString() : $"{reply.Status} ({Texts.Show(reply.Failure.Status.Detail)})";

    private static T? Detail<T>(RawReply reply, out string? problem)
        where T : class, IMessage<T>, new()
    {
        problem = null;
        var status = reply.Failure?.GetRpcStatus();
        if (status is null)
        {
            problem = $"{reply.Status} without google.rpc.Status details";
            return null;
        }

        if (status.Code != (int)reply.Status)
        {
            problem = $"{reply.Status} with google.rpc.Status code {status.Code}";
            return null;
        }

        var detail = status.GetDetail<T>();
        if (detail is null)
        {
            problem = $"{reply.Status} without a {typeof(T).Name} detail (details: {string.Join(", ", status.Details.Select(d => d.TypeUrl))})";
        }

        return detail;
    }
}
