using Google.Protobuf;
using Grpc.Core;
using Participatie.Fuzz.Tests.Generation;
using Participatie.Fuzz.Tests.Oracle;
using Participatie.Fuzz.Tests.Rpcs;
using Participatie.Gateway;
using Participatie.TestSupport;
using Xunit.Abstractions;

namespace Participatie.Fuzz.Tests;

/// <summary>
/// Every RPC of the public contract against random and hostile input: the reply is a status the caller can act on
/// (never INTERNAL or UNKNOWN), with the details the error table of protos/README.md promises, and bad input changes nothing.
/// </summary>
public sealed class HostileInputTests(FuzzWorld world, ITestOutputHelper output) : IClassFixture<FuzzWorld>
{
    [Fact]
    public async Task EveryServiceOfTheContractIsDiscoveredAndEveryRpcIsReachedUnderItsRealName()
    {
        string[] known = ["participatie.v1.AdminService", "participatie.v1.ClientService", "participatie.v1.CoachService", "participatie.v1.NeighbourhoodService"];
        Assert.Subset(RpcCatalog.Services.Select(s => s.FullName).ToHashSet(), known.ToHashSet());
        Assert.DoesNotContain(RpcCatalog.Services, s => s.FullName.StartsWith("grpc.", StringComparison.Ordinal));
        Assert.All(RpcCatalog.Excluded.Keys, name => Assert.Contains(RpcCatalog.All, rpc => rpc.FullName == name));
        Assert.True(RpcCatalog.Fuzzed.Count >= 15, $"only {RpcCatalog.Fuzzed.Count} RPCs found");
        Assert.Contains(RpcCatalog.Fuzzed, rpc => rpc.FullName == "participatie.v1.CoachService/GetCaseload");

        foreach (var rpc in RpcCatalog.Fuzzed)
        {
            var reply = await RawCall.InvokeAsync(world.InvokerFor(rpc), rpc, world.Plausible.Message(rpc.Input).ToByteArray(), FuzzSettings.CallDeadline);
            Assert.True(reply.Status is not (StatusCode.Unimplemented or StatusCode.Internal or StatusCode.Unknown), $"{rpc}: {ReplyOracle.Describe(reply)}");
        }
    }

    [Fact]
    public async Task EveryRpcAnswersHostileInputWithoutInternalErrorsAndRejectedInputChangesNothing()
    {
        var run = new FuzzRun(world);
        output.WriteLine($"seed {FuzzSettings.Seed} (set PARTICIPATIE_FUZZ_SEED to replay or vary), {FuzzSettings.BudgetPerRpc} generated inputs per RPC");
        foreach (var rpc in RpcCatalog.Fuzzed)
        {
            await run.RunAsync(rpc, FuzzRun.SizeInputs(rpc).Concat(Generated(rpc, FuzzSettings.BudgetPerRpc)));
        }

        var summary = run.Summary();
        output.WriteLine(summary);
        output.WriteLine(run.PerRpc());
        Figures.Record(nameof(EveryRpcAnswersHostileInputWithoutInternalErrorsAndRejectedInputChangesNothing), summary);
        Assert.True(run.Problems.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, run.Problems));
    }

    [Fact]
    public async Task BytesThatAreNotAValidRequestGetInvalidArgumentNotUnknown()
    {
        var run = new FuzzRun(world);
        foreach (var rpc in RpcCatalog.Fuzzed)
        {
            var random = FuzzRun.RandomFor(rpc);
            var wire = new WireFuzzer(random, world.NewPlausible());
            var malformed = Enumerable.Range(0, 400).Select(_ => wire.Next(rpc.Input)).Where(input => !Parses(rpc, input.Bytes)).Take(40);
            await run.RunAsync(rpc, malformed);
        }

        var summary = run.Summary();
        output.WriteLine(summary);
        Assert.True(run.Problems.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, run.Problems));
    }

    [Fact]
    public async Task AMessageAtTheSizeLimitIsReadAndOneByteMoreIsResourceExhaustedOnEveryRpc()
    {
        Assert.Equal(4 * 1024 * 1024, GatewayExtensions.MaxMessageBytes);
        foreach (var rpc in RpcCatalog.Fuzzed)
        {
            var inputs = FuzzRun.SizeInputs(rpc).ToList();
            var atLimit = await RawCall.InvokeAsync(world.InvokerFor(rpc), rpc, inputs[0].Bytes, FuzzSettings.CallDeadline);
            var above = await RawCall.InvokeAsync(world.InvokerFor(rpc), rpc, inputs[1].Bytes, FuzzSettings.CallDeadline);
            var farAbove = await RawCall.InvokeAsync(world.InvokerFor(rpc), rpc, inputs[2].Bytes, FuzzSettings.CallDeadline);

            Assert.True(atLimit.Status is StatusCode.OK or StatusCode.InvalidArgument, $"{rpc} at the limit: {ReplyOracle.Describe(atLimit)}");
            Assert.True(above.Status == StatusCode.ResourceExhausted, $"{rpc} one byte above: {ReplyOracle.Describe(above)}");
            Assert.True(farAbove.Status == StatusCode.ResourceExhausted, $"{rpc} far above: {ReplyOracle.Describe(farAbove)}");
        }
    }

    /// <summary>Well-formed hostile messages and hand-written wire bytes, about half each, from the RPC's own seed.</summary>
    private IEnumerable<FuzzInput> Generated(Rpc rpc, int count)
    {
        var random = FuzzRun.RandomFor(rpc);
        var plausible = world.NewPlausible();
        var messages = new MessageFuzzer(random, plausible);
        var wire = new WireFuzzer(random, plausible);
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(100) < 55 ? messages.Next(rpc.Input) : wire.Next(rpc.Input);
        }
    }

    private static bool Parses(Rpc rpc, byte[] bytes)
    {
        try
        {
            rpc.Input.Parser.ParseFrom(bytes);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }
}
