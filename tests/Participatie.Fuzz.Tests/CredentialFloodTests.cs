using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Participatie.Contracts.V1;
using Participatie.Gateway.Security;
using Participatie.Security;
using Participatie.TestSupport;
using Xunit.Abstractions;

namespace Participatie.Fuzz.Tests;

/// <summary>Runs alone, so that the managed heap it measures is its own host's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CredentialFloodCollection
{
    public const string Name = "credential flood";
}

/// <summary>
/// A flood of made-up credentials — API keys of any partner id with a made-up MAC, keys without a MAC, and tokens
/// that are not validly signed — is refused UNAUTHENTICATED without touching any partner's key ring: no grain is
/// activated for it, nothing is cached for it, and the heap does not grow with it.
/// </summary>
[Collection(CredentialFloodCollection.Name)]
public sealed class CredentialFloodTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Calls = 20_000;
    private SiloHost _host = null!;

    public async Task InitializeAsync() => _host = await SiloHost.StartAsync("Memory");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MadeUpCredentialsTouchNoPartnerStateAndLeaveTheHeapFlat()
    {
        var admin = new AdminService.AdminServiceClient(_host.Channel);
        await admin.PingAsync(new PingRequest());
        var management = _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var keyRingsBefore = await KeyRingActivationsAsync(management);
        var activationsBefore = (await management.GetSimpleGrainStatistics()).Sum(s => s.ActivationCount);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var refused = 0;
        var other = 0;
        await Parallel.ForAsync(0, Calls, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, cancel) =>
        {
            var headers = new Metadata();
            switch (i % 4)
            {
                case 0: // a key of a new partner id each time, with a MAC made up
                    headers.Add(ApiKey.Header, $"ptk.pt-flood-{i}.k{i:x12}.{new string('s', 43)}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}");
                    break;
                case 1: // the format of keys before they carried a MAC
                    headers.Add(ApiKey.Header, $"ptk.pt-flood-{i}.k{i:x12}.{new string('s', 43)}");
                    break;
                case 2: // a token signed with a key the gateway does not hold
                    headers.Add("authorization", "Bearer " + Tokens.Mint("admin", $"flood-{i}", base64Key: Convert.ToBase64String(new byte[32]), keyId: TestKeys.KeyId, issuer: TestKeys.Issuer, audience: TestKeys.Audience));
                    break;
                default: // a token of the public development key, which this host does not accept
                    headers.Add("authorization", "Bearer " + Tokens.Mint("partner", $"pt-flood-{i}"));
                    break;
            }

            try
            {
                await admin.PingAsync(new PingRequest(), headers, cancellationToken: cancel);
                Interlocked.Increment(ref other);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
                Interlocked.Increment(ref refused);
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref other);
            }
        });

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var keyRingsAfter = await KeyRingActivationsAsync(management);
        var activationsAfter = (await management.GetSimpleGrainStatistics()).Sum(s => s.ActivationCount);
        output.WriteLine($"{Calls} made-up credentials: {refused} refused; key rings {keyRingsBefore} -> {keyRingsAfter}; activations {activationsBefore} -> {activationsAfter}; managed heap {heapBefore / 1024 / 1024} -> {heapAfter / 1024 / 1024} MiB; cached key checks {_host.Services.GetRequiredService<ApiKeyCache>().Entries.Count}");

        Assert.Equal(Calls, refused);
        Assert.Equal(0, other);
        Assert.Equal(keyRingsBefore, keyRingsAfter);
        Assert.Equal(0, _host.Services.GetRequiredService<ApiKeyCache>().Entries.Count);
        // Nothing of the flood is kept: the activations of the host's own housekeeping may come and go, not 20,000.
        Assert.True(activationsAfter - activationsBefore < 50, $"{activationsAfter - activationsBefore} activations more after the flood");
        // Before keys carried a MAC, this flood kept 20,000 key rings and about 100 MiB.
        Assert.True(heapAfter - heapBefore < 32L * 1024 * 1024, $"the heap grew {(heapAfter - heapBefore) / 1024 / 1024} MiB");
    }

    private static async Task<int> KeyRingActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("PartnerKeyRing", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
}
