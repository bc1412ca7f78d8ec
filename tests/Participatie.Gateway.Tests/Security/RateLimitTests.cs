using System.Net;
using Google.Rpc;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Security;

/// <summary>
/// One caller cannot take the platform from everyone else: reads, writes and open streams are limited per principal,
/// every call per client address, and a call over a limit is answered RESOURCE_EXHAUSTED with when to retry (HTTP 429
/// in JSON) before anything is read, changed or audited. Limits are small here so that a burst of calls meets them
/// whatever the machine's speed; nothing is timed.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly OpenRequests _serving = new();
    private SiloHost _host = null!;

    public async Task InitializeAsync() => _host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string>
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:ReadsPerSecond"] = "1",
        ["RateLimits:ReadBurst"] = "5",
        ["RateLimits:WritesPerSecond"] = "1",
        ["RateLimits:WriteBurst"] = "5",
        ["RateLimits:AdminWritesPerSecond"] = "1",
        ["RateLimits:AdminWriteBurst"] = "5",
        ["RateLimits:OpenStreams"] = "2",
        ["RateLimits:AddressCallsPerSecond"] = "1000",
        ["RateLimits:AddressBurst"] = "1000",
        ["RateLimits:RefusalHold"] = "00:00:00.2",
    }, overrides: _serving.AddTo);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ACallerOverTheReadLimitIsToldToWaitWhileOthersAndTheirOwnWritesGoOn()
    {
        var neighbourhoods = new NeighbourhoodService.NeighbourhoodServiceClient(_host.ChannelAs("coach", Participatie.Domain.Ids.NewCoachId(), purpose: null));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => StatusOfAsync(() => neighbourhoods.ListNeighbourhoodsAsync(new ListNeighbourhoodsRequest()).ResponseAsync)));

        Assert.Contains(outcomes, o => o.Code == StatusCode.OK);
        var exhausted = outcomes.Where(o => o.Code == StatusCode.ResourceExhausted).ToList();
        Assert.NotEmpty(exhausted);
        Assert.Equal(40, outcomes.Count(o => o.Code is StatusCode.OK or StatusCode.ResourceExhausted));
        Assert.All(exhausted, o => Assert.True(o.RetryDelay > TimeSpan.Zero, "RetryInfo says when to try again"));

        // Someone else reads on; the busy caller's changes have a bucket of their own.
        await new NeighbourhoodService.NeighbourhoodServiceClient(_host.ChannelAs("coach", Participatie.Domain.Ids.NewCoachId(), purpose: null)).ListNeighbourhoodsAsync(new ListNeighbourhoodsRequest());
        var admin = new NeighbourhoodService.NeighbourhoodServiceClient(_host.ChannelAs("admin", "a-busy", purpose: null));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => StatusOfAsync(() => admin.ListNeighbourhoodsAsync(new ListNeighbourhoodsRequest()).ResponseAsync)));
        var created = await StatusOfAsync(() => admin.CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-limits", Name = "Tarwewijk", Municipality = "Rotterdam" }).ResponseAsync);
        Assert.Equal(StatusCode.OK, created.Code);
    }

    [Fact]
    public async Task ARefusedChangeChangesNothing()
    {
        var admin = new CoachService.CoachServiceClient(_host.ChannelAs("admin", "a-writer", purpose: null));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => StatusOfAsync(() =>
            admin.CreateCoachAsync(new CreateCoachRequest { DisplayName = $"Coach {i}", CaseloadLimit = 10 }).ResponseAsync)));

        var accepted = outcomes.Count(o => o.Code == StatusCode.OK);
        Assert.Contains(outcomes, o => o.Code == StatusCode.ResourceExhausted);
        var status = await new AdminService.AdminServiceClient(_host.ChannelAs("admin", "a-reader", purpose: null)).GetPlatformStatusAsync(new GetPlatformStatusRequest());
        Assert.Equal(accepted, status.Coaches);
    }

    [Fact]
    public async Task APrincipalHoldsAtMostItsStreamsOpenAndGetsOneBackWhenItClosesOne()
    {
        // A coach with one inbox item, so that an open stream answers at once and a refused one fails at once.
        var coaches = new CoachService.CoachServiceClient(_host.Channel);
        await new NeighbourhoodService.NeighbourhoodServiceClient(_host.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-streams", Name = "Bloemhof", Municipality = "Rotterdam" });
        var clientId = (await new ClientService.ClientServiceClient(_host.Channel).RegisterClientAsync(SampleRequests.Intake("wk-streams"))).Client.ClientId;
        var coachId = (await coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Anouk de Wit", CaseloadLimit = 10 })).Coach.CoachId;
        await coaches.AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = clientId });
        var coach = new CoachService.CoachServiceClient(_host.ChannelAs("coach", coachId, purpose: "case_work"));
        var watch = new WatchInboxRequest { CoachId = coachId };

        using var first = coach.WatchInbox(watch);
        using var second = coach.WatchInbox(watch);
        Assert.True(await first.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await second.ResponseStream.MoveNext(CancellationToken.None));
        using var third = coach.WatchInbox(watch);
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await third.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);

        // Closing one gives its place back, once the server has seen it close (only the second is then served).
        first.Dispose();
        await _serving.AtMostAsync(nameof(coach.WatchInbox), 1).WaitAsync(TimeSpan.FromSeconds(90));
        using var again = coach.WatchInbox(watch);
        Assert.True(await again.ResponseStream.MoveNext(CancellationToken.None), "a stream opens again after one was closed");
    }

    [Fact]
    public async Task OverHttpJsonTheRefusalIs429WithRetryAfter()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_host.WebAddress) };
        http.DefaultRequestHeaders.Add("authorization", "Bearer " + TestKeys.Token("partner", "pt-json-busy"));

        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => http.GetAsync("/v1/partners/pt-json-busy")));

        var refused = replies.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Contains("RetryInfo", await refused[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var reply in replies)
        {
            reply.Dispose();
        }
    }

    [Fact]
    public async Task AnAdminsBulkChangesHaveALimitOfTheirOwnAboveEveryoneElses()
    {
        await using var host = await SiloHost.StartAsync("Memory", settings: new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:WritesPerSecond"] = "1",
            ["RateLimits:WriteBurst"] = "5",
            ["RateLimits:AdminWritesPerSecond"] = "1",
            ["RateLimits:AdminWriteBurst"] = "40",
            ["RateLimits:RefusalHold"] = "00:00:00",
        });
        var admin = host.ChannelAs("admin", "a-import");
        await new NeighbourhoodService.NeighbourhoodServiceClient(admin).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = "wk-import", Name = "Hillesluis", Municipality = "Rotterdam" });
        var clients = new ClientService.ClientServiceClient(admin);

        // An import of twenty people: all in, where anyone else's limit would have refused most of them.
        var imported = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => StatusOfAsync(() => clients.RegisterClientAsync(SampleRequests.Intake("wk-import")).ResponseAsync)));
        Assert.All(imported, o => Assert.Equal(StatusCode.OK, o.Code));

        // A person filling in her well-being twenty times at once meets the limit of everyone who is not an admin.
        var person = (await clients.RegisterClientAsync(SampleRequests.Intake("wk-import"))).Client.ClientId;
        var records = new RecordService.RecordServiceClient(host.ChannelAs("person", person, purpose: null));
        var own = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => StatusOfAsync(() => records.RecordWellBeingAsync(new RecordWellBeingRequest { ClientId = person, Score = 7 }).ResponseAsync)));
        Assert.Contains(own, o => o.Code == StatusCode.ResourceExhausted);
        Assert.Equal(20, own.Count(o => o.Code is StatusCode.OK or StatusCode.ResourceExhausted));
    }

    private static async Task<(StatusCode Code, TimeSpan RetryDelay)> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return (StatusCode.OK, TimeSpan.Zero);
        }
        catch (RpcException e)
        {
            var retry = e.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan() ?? TimeSpan.Zero;
            return (e.StatusCode, retry);
        }
    }
}
