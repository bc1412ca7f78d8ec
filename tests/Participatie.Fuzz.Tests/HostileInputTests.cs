using Google.Protobuf;
using Grpc.Core;
using Participatie.Fuzz.Tests.Oracle;
using Participatie.Fuzz.Tests.Rpcs;
using Participatie.Gateway;

namespace Participatie.Fuzz.Tests;

/// <summary>
/// Every RPC of the public contract against random and hostile input: the reply is a status the caller can act on
/// (never INTERNAL or UNKNOWN), with the details the README's error table promises, and bad input changes nothing.
/// </summary>
public sealed class HostileInputTests(FuzzWorld world) : IClassFixture<FuzzWorld>
{
    [Fact]
    public async Task EveryServiceOfTheContractIsDiscoveredAndEveryRpcIsReachedUnderItsRealName()
    {
        Assert.Equal(
            ["participatie.v1.AdminService", "participatie.v1.ClientService", "participatie.v1.CoachService", "participatie.v1.NeighbourhoodService"],
            RpcCatalog.Services.Select(s => s.FullName).Order(StringComparer.Ordinal));
        Assert.All(RpcCatalog.Excluded.Keys, name => Assert.Contains(RpcCatalog.All, rpc => rpc.FullName == name));
        Assert.True(RpcCatalog.Fuzzed.Count >= 15, $"only {RpcCatalog.Fuzzed.Count} RPCs found");
        Assert.Contains(RpcCatalog.Fuzzed, rpc => rpc.FullName == "participatie.v1.CoachService/GetCaseload");

        foreach (var rpc in RpcCatalog.Fuzzed)
        {
            var reply = await RawCall.InvokeAsync(world.Invoker, rpc, world.Plausible.Message(rpc.Input).ToByteArray(), FuzzSettings.CallDeadline);
            Assert.True(reply.Status is not (StatusCode.Unimplemented or StatusCode.Internal or StatusCode.Unknown), $"{rpc}: {ReplyOracle.Describe(reply)}");
        }
    }

    [Fact]
    public async Task AMessageAtTheSizeLimitIsReadAndOneByteMoreIsResourceExhaustedOnEveryRpc()
    {
        Assert.Equal(4 * 1024 * 1024, GatewayExtensions.MaxMessageBytes);
        foreach (var rpc in RpcCatalog.Fuzzed)
        {
            var inputs = FuzzRun.SizeInputs(rpc).ToList();
            var atLimit = await RawCall.InvokeAsync(world.Invoker, rpc, inputs[0].Bytes, FuzzSettings.CallDeadline);
            var above = await RawCall.InvokeAsync(world.Invoker, rpc, inputs[1].Bytes, FuzzSettings.CallDeadline);
            var farAbove = await RawCall.InvokeAsync(world.Invoker, rpc, inputs[2].Bytes, FuzzSettings.CallDeadline);

            Assert.True(atLimit.Status is StatusCode.OK or StatusCode.InvalidArgument, $"{rpc} at the limit: {ReplyOracle.Describe(atLimit)}");
            Assert.True(above.Status == StatusCode.ResourceExhausted, $"{rpc} one byte above: {ReplyOracle.Describe(above)}");
            Assert.True(farAbove.Status == StatusCode.ResourceExhausted, $"{rpc} far above: {ReplyOracle.Describe(farAbove)}");
        }
    }
}
