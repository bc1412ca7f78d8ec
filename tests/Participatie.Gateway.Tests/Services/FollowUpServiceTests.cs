using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Participatie.Contracts.V1;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Services;

/// <summary>The coach's contact agenda, live inbox and the hand-over of a whole caseload, through the contract.</summary>
[Collection(GatewayCollection.Name)]
public sealed class FollowUpServiceTests(GatewayFixture gateway)
{
    [Fact]
    public async Task ACaseloadHandedOverLandsWithTheColleaguesInOrderWithNobodyLostOrDoubled()
    {
        var leaving = await CoachAsync(10);
        var small = await CoachAsync(3);
        var large = await CoachAsync(10);
        var people = await AssignedAsync(leaving, 5);

        var reply = await gateway.Coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { small, large } });

        Assert.Equal((5, 0), (reply.Moved, reply.Remaining));
        Assert.Equal([(small, 3), (large, 2)], reply.Transfers.Select(t => (t.CoachId, t.Moved)));
        Assert.Equal(people.Order(), reply.Transfers.SelectMany(t => t.ClientIds).Order());
        Assert.Empty(await CaseloadAsync(leaving));
        var received = (await CaseloadAsync(small)).Concat(await CaseloadAsync(large)).ToList();
        Assert.Equal(people.Order(), received.Order());
        foreach (var transfer in reply.Transfers)
        {
            foreach (var person in transfer.ClientIds)
            {
                Assert.Equal(transfer.CoachId, (await gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = person })).Client.CoachId);
            }
        }

        var again = await gateway.Coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { small, large } });
        Assert.Equal((0, 0), (again.Moved, again.Remaining));
    }

    [Fact]
    public async Task TwoHandOversOfOneCaseloadAtOnceToDifferentColleaguesMoveEveryoneOnce()
    {
        var leaving = await CoachAsync(20);
        var (one, other) = (await CoachAsync(20), await CoachAsync(20));
        var people = await AssignedAsync(leaving, 12);

        var replies = await Task.WhenAll(
            gateway.Coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { one } }).ResponseAsync,
            gateway.Coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { other } }).ResponseAsync);

        // One ran, the other followed it and found nobody left (or, had it come first, the other way round).
        Assert.Equal([0, 12], replies.Select(r => r.Moved).Order());
        Assert.All(replies, r => Assert.Equal(0, r.Remaining));
        Assert.Empty(await CaseloadAsync(leaving));
        Assert.Equal(people.Order(), (await CaseloadAsync(one)).Concat(await CaseloadAsync(other)).Order());
    }

    [Fact]
    public async Task AHandOverWithoutRoomForEveryoneMovesNobodyAndBadRequestsChangeNothing()
    {
        var leaving = await CoachAsync(10);
        var full = await CoachAsync(1);
        var people = await AssignedAsync(leaving, 3);

        await RpcAssert.PreconditionAsync(() => gateway.Coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { full } }).ResponseAsync, "CASELOAD_FULL");
        await RpcAssert.InvalidAsync(() => gateway.Coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving }).ResponseAsync, "to_coach_ids");
        await RpcAssert.InvalidAsync(() => gateway.Coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { full, leaving } }).ResponseAsync, "to_coach_ids[1]");
        await RpcAssert.InvalidAsync(() => gateway.Coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { full, full } }).ResponseAsync, "to_coach_ids[1]");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => gateway.Coaches.ReassignCaseloadAsync(new ReassignCaseloadRequest { FromCoachId = leaving, ToCoachIds = { "co-0000000000000009" } }).ResponseAsync);

        Assert.Equal(people.Order(), (await CaseloadAsync(leaving)).Order());
        Assert.Empty(await CaseloadAsync(full));
    }

    [Fact]
    public async Task TheInboxStreamsAssignmentsLiveAndAReconnectGetsOnlyWhatCameAfter()
    {
        var coachId = await CoachAsync(10);
        var coach = new CoachService.CoachServiceClient(gateway.Host.ChannelAs("coach", coachId));
        var first = (await AssignedAsync(coachId, 1))[0];
        using var watch = coach.WatchInbox(new WatchInboxRequest { CoachId = coachId });
        var held = await NextAsync(watch);

        var second = (await AssignedAsync(coachId, 1))[0];
        var live = await NextAsync(watch);

        Assert.Equal((InboxItemKind.Assigned, first), (held.Kind, held.ClientId));
        Assert.Equal((InboxItemKind.Assigned, second, held.Sequence + 1), (live.Kind, live.ClientId, live.Sequence));
        Assert.False(string.IsNullOrEmpty(live.DisplayName));

        using var reconnect = coach.WatchInbox(new WatchInboxRequest { CoachId = coachId, AfterSequence = held.Sequence });
        Assert.Equal(second, (await NextAsync(reconnect)).ClientId);

        var other = new CoachService.CoachServiceClient(gateway.Host.ChannelAs("coach", await CoachAsync(10)));
        using var foreign = other.WatchInbox(new WatchInboxRequest { CoachId = coachId });
        var denied = await Assert.ThrowsAsync<RpcException>(() => NextAsync(foreign));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        foreach (var bad in new[] { new WatchInboxRequest { CoachId = coachId, AfterSequence = -1 }, new WatchInboxRequest { CoachId = coachId, AfterSequence = live.Sequence + 1 } })
        {
            using var call = coach.WatchInbox(bad);
            await RpcAssert.InvalidAsync(() => NextAsync(call), "after_sequence");
        }

        using var malformed = coach.WatchInbox(new WatchInboxRequest { CoachId = "co-<script>" });
        await RpcAssert.InvalidAsync(() => NextAsync(malformed), "coach_id");
    }

    [Fact]
    public async Task AnInboxItemReachesAnOpenWatchThroughItsStreamLongBeforeTheCatchUpRead()
    {
        var coachId = await CoachAsync(10);
        var coach = new CoachService.CoachServiceClient(gateway.Host.ChannelAs("coach", coachId));
        using var watch = coach.WatchInbox(new WatchInboxRequest { CoachId = coachId });
        await watch.ResponseHeadersAsync; // the watch is open and subscribed: nothing is in the inbox yet

        // The watch reads the coach's inbox only when a notice arrives or after the catch-up interval (minutes): an item
        // within a fifth of it came through the stream.
        var person = (await AssignedAsync(coachId, 1))[0];
        using var prompt = new CancellationTokenSource(Gateway.Services.LiveSubscription.CatchUp / 5);
        Assert.True(await watch.ResponseStream.MoveNext(prompt.Token), "the inbox stream ended");

        Assert.Equal((InboxItemKind.Assigned, person, 1L), (watch.ResponseStream.Current.Kind, watch.ResponseStream.Current.ClientId, watch.ResponseStream.Current.Sequence));
    }

    [Fact]
    public async Task TheAgendaListsEveryoneDueWithinTheWindowInOrderOfUrgencyPageByPage()
    {
        var coachId = await CoachAsync(10);
        var people = await AssignedAsync(coachId, 3);
        var coach = new CoachService.CoachServiceClient(gateway.Host.ChannelAs("coach", coachId));

        var today = await coach.ListFollowUpsAsync(new ListFollowUpsRequest { CoachId = coachId });
        var seen = new List<FollowUp>();
        var request = new ListFollowUpsRequest { CoachId = coachId, WithinDays = 365, PageSize = 2 };
        do
        {
            var page = await coach.ListFollowUpsAsync(request);
            seen.AddRange(page.FollowUps);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        // Nobody has been contacted yet: the municipal regime's 90 days count from the assignment (today).
        Assert.Equal((SampleRequests.Day(), 0, 0), (today.On, today.FollowUps.Count, today.Overdue));
        Assert.Equal(people.Order(), seen.Select(f => f.ClientId).Order());
        Assert.All(seen, f => Assert.Equal((90, SampleRequests.Day(90), -90, ""), (f.ContactIntervalDays, f.DueOn, f.DaysOverdue, f.LastContactOn)));
        Assert.Equal(seen.OrderBy(f => f.DueOn, StringComparer.Ordinal).ThenBy(f => f.ClientId, StringComparer.Ordinal).Select(f => f.ClientId), seen.Select(f => f.ClientId));
        await RpcAssert.InvalidAsync(() => coach.ListFollowUpsAsync(new ListFollowUpsRequest { CoachId = coachId, WithinDays = 366 }).ResponseAsync, "within_days");
        await RpcAssert.InvalidAsync(() => coach.ListFollowUpsAsync(new ListFollowUpsRequest { CoachId = coachId, PageToken = "p1.bm90LWEtdG9rZW4" }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task AContactLongAgoMakesThePersonOverdueOnTheAgendaAndInTheInboxOnceAndADeclineReachesTheInbox()
    {
        var coachId = await CoachAsync(10);
        var person = (await AssignedAsync(coachId, 1))[0];
        var asCoach = gateway.Host.ChannelAs("coach", coachId, purpose: "case_work");
        var coach = new CoachService.CoachServiceClient(asCoach);
        using var watch = coach.WatchInbox(new WatchInboxRequest { CoachId = coachId });
        var assigned = await NextAsync(watch);

        // A phone call 100 days ago: the municipal regime's 90 days passed 10 days ago.
        await new RecordService.RecordServiceClient(asCoach).AddJournalEntryAsync(new AddJournalEntryRequest
        {
            ClientId = person, Type = ContactType.Phone, ContactedOn = SampleRequests.Day(-100), Note = "Spoke about the course at the library.",
        });
        var agenda = await coach.ListFollowUpsAsync(new ListFollowUpsRequest { CoachId = coachId });
        var grain = gateway.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<Abstractions.Coaches.ICoachGrain>(coachId);
        var check = await grain.CheckFollowUpsAsync();
        var overdue = await NextAsync(watch);
        var checkAgain = await grain.CheckFollowUpsAsync();

        var suggestion = (await new ContractService.ContractServiceClient(asCoach).MakeSuggestionAsync(new MakeSuggestionRequest
        {
            ClientId = person, Domain = GoalDomain.Work, Text = "A work experience place at the bicycle repair shop.",
        })).Suggestion;
        await new ContractService.ContractServiceClient(gateway.Host.ChannelAs("person", person)).RespondToSuggestionAsync(new RespondToSuggestionRequest
        {
            ClientId = person, SuggestionId = suggestion.SuggestionId, Accept = false, Words = "I care for my mother in the mornings.",
        });
        var declined = await NextAsync(watch);

        var partnerId = "pt-inbox-" + Guid.NewGuid().ToString("N")[..8];
        var partners = new PartnerService.PartnerServiceClient(gateway.Host.Channel);
        await partners.RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = partnerId, Name = "Buurthuis De Kroon", Contact = "info@dekroon.example" });
        var wijk = (await gateway.Clients.GetClientAsync(new GetClientRequest { ClientId = person })).Client.NeighbourhoodId;
        var activity = (await partners.CreateActivityAsync(new CreateActivityRequest
        {
            PartnerId = partnerId,
            Activity = new ActivityDetails { Title = "Moestuin", Type = ActivityType.Gardening, NeighbourhoodId = wijk, Capacity = 5, Schedule = "Dinsdag 10:00", ContactPerson = "Anouk" },
        })).Activity;
        await new ClientService.ClientServiceClient(asCoach).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = person, ActivityId = activity.ActivityId });
        var enrolled = await NextAsync(watch);

        Assert.Equal(InboxItemKind.Assigned, assigned.Kind);
        var item = Assert.Single(agenda.FollowUps);
        Assert.Equal((person, SampleRequests.Day(-100), SampleRequests.Day(-10), 10, 1), (item.ClientId, item.LastContactOn, item.DueOn, item.DaysOverdue, agenda.Overdue));
        Assert.Equal((1, 1, 0), (check.Checked, check.NewlyOverdue, checkAgain.NewlyOverdue));
        Assert.Equal((InboxItemKind.OverdueContact, person), (overdue.Kind, overdue.ClientId));
        Assert.Equal((InboxItemKind.SuggestionDeclined, person), (declined.Kind, declined.ClientId));
        Assert.DoesNotContain("mother", declined.Text, StringComparison.Ordinal);
        Assert.Equal((InboxItemKind.Enrolment, person), (enrolled.Kind, enrolled.ClientId));
    }

    private async Task<string> CoachAsync(int limit) =>
        (await gateway.Coaches.CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen", CaseloadLimit = limit })).Coach.CoachId;

    private async Task<List<string>> AssignedAsync(string coachId, int count)
    {
        var (_, people) = await gateway.PeopleAsync(count);
        foreach (var person in people)
        {
            await gateway.Coaches.AssignClientAsync(new AssignClientRequest { CoachId = coachId, ClientId = person });
        }

        return people;
    }

    private async Task<List<string>> CaseloadAsync(string coachId) =>
        [.. (await gateway.Coaches.GetCaseloadAsync(new GetCaseloadRequest { CoachId = coachId })).Entries.Select(e => e.ClientId)];

    private static async Task<InboxItem> NextAsync(AsyncServerStreamingCall<InboxItem> call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "the inbox stream ended");
        return call.ResponseStream.Current;
    }
}
