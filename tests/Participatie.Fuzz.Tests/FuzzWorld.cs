using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Participatie.Contracts.V1;
using Participatie.Fuzz.Tests.Generation;
using Participatie.Fuzz.Tests.Rpcs;
using Participatie.TestSupport;

namespace Participatie.Fuzz.Tests;

/// <summary>
/// A silo host (Memory profile) with a small world made through the API: one neighbourhood, one coach and one person
/// in that coach's caseload, and a partner with an activity that person takes part in. Hostile requests aim at these, and the world's snapshot is read before and after each.
/// Every call goes through <see cref="SiloHost.Channel"/>, so it carries whatever credentials the host's channel has.
/// </summary>
public sealed class FuzzWorld : IAsyncLifetime
{
    public const string NeighbourhoodId = "wk-fuzz-world";
    public const string NeighbourhoodName = "Feijenoord";
    public const string Municipality = "Rotterdam";
    private static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(20);

    private IReadOnlyDictionary<string, (Rpc Rpc, FieldDescriptor Resource)> _readers = new Dictionary<string, (Rpc, FieldDescriptor)>();
    private Dictionary<string, string> _strings = [];
    private Dictionary<string, int> _numbers = [];

    public SiloHost Host { get; private set; } = null!;

    public CallInvoker Invoker { get; private set; } = null!;

    private CallInvoker _coachInvoker = null!;
    private readonly Dictionary<string, CallInvoker> _purposeInvokers = new(StringComparer.Ordinal);

    /// <summary>
    /// Who sends the fuzz to an RPC: an admin where the access rules let an admin call it, otherwise the world's
    /// coach (the coach of the world's person), otherwise the world's person (for what only the person may do, such as
    /// answering a suggestion), so every input reaches validation instead of PERMISSION_DENIED.
    /// </summary>
    public CallInvoker InvokerFor(Rpc rpc)
    {
        if (!Participatie.Gateway.Security.AccessRules.ByMethod.TryGetValue("/" + rpc.FullName, out var rule))
        {
            return Invoker;
        }

        if (rule.Roles.Contains(Participatie.Gateway.Security.Role.Admin))
        {
            // An admin, declaring the one purpose the RPC allows where it has one (the payment export: payment).
            if (rule.RequiredPurpose is not { } purpose)
            {
                return Invoker;
            }

            lock (_purposeInvokers)
            {
                if (!_purposeInvokers.TryGetValue(purpose, out var invoker))
                {
                    _purposeInvokers[purpose] = invoker = Host.ChannelAs("admin", purpose: purpose).CreateCallInvoker();
                }

                return invoker;
            }
        }

        return rule.Roles.Contains(Participatie.Gateway.Security.Role.Coach) ? _coachInvoker
            : rule.Roles.Contains(Participatie.Gateway.Security.Role.Person) ? _personInvoker
            : Invoker;
    }

    private CallInvoker _personInvoker = null!;

    public string CoachId { get; private set; } = "";

    public string ClientId { get; private set; } = "";

    public const string PartnerId = "pt-fuzz-world";
    private const string PartnerContact = "Anouk, 010-1234567";

    /// <summary>An activity of <see cref="PartnerId"/> in which the world's person has a place.</summary>
    public string ActivityId { get; private set; } = "";

    /// <summary>Plausible requests aimed at this world, for probes and one-off calls.</summary>
    public Plausible Plausible { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await SiloHost.StartAsync("Memory");
        Invoker = Host.Channel.CreateCallInvoker();
        _readers = Readers();

        await new NeighbourhoodService.NeighbourhoodServiceClient(Host.Channel).CreateNeighbourhoodAsync(
            new CreateNeighbourhoodRequest { NeighbourhoodId = NeighbourhoodId, Name = NeighbourhoodName, Municipality = Municipality });
        var coaches = new CoachService.CoachServiceClient(Host.Channel);
        CoachId = (await coaches.CreateCoachAsync(new CreateCoachRequest { RequestId = "fuzz-world-coach", DisplayName = "Sanne Jansen", CaseloadLimit = 5 })).Coach.CoachId;
        var intake = SampleRequests.Intake(NeighbourhoodId);
        intake.RequestId = "fuzz-world-client";
        ClientId = (await new ClientService.ClientServiceClient(Host.Channel).RegisterClientAsync(intake)).Client.ClientId;
        await coaches.AssignClientAsync(new AssignClientRequest { CoachId = CoachId, ClientId = ClientId });
        _coachInvoker = Host.ChannelAs("coach", CoachId).CreateCallInvoker();
        _personInvoker = Host.ChannelAs("person", ClientId).CreateCallInvoker();

        // A partner with one activity the world's person takes part in, so partner calls reach their rules.
        var partners = new PartnerService.PartnerServiceClient(Host.Channel);
        await partners.RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = PartnerId, Name = NeighbourhoodName, Contact = PartnerContact });
        var activity = new ActivityDetails
        {
            Title = "Koffieochtend",
            Type = ActivityType.SocialMeeting,
            NeighbourhoodId = NeighbourhoodId,
            Capacity = 5,
            Schedule = "Tuesdays 10:00-12:00",
            ContactPerson = "Kees, 06-12345678",
        };
        ActivityId = (await partners.CreateActivityAsync(new CreateActivityRequest { PartnerId = PartnerId, RequestId = "fuzz-world-activity", Activity = activity })).Activity.ActivityId;
        var enrolment = await new ClientService.ClientServiceClient(Host.Channel).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = ClientId, ActivityId = ActivityId });

        _strings = new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["coach_id"] = CoachId,
            ["neighbourhood_id"] = NeighbourhoodId,
            ["name"] = NeighbourhoodName,
            ["municipality"] = Municipality,
            ["given_name"] = "Priya",
            ["family_name"] = "Ramdin",
            ["display_name"] = "Anouk Bakker",
            ["date_of_birth"] = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-45).AddDays(-100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["postcode"] = "3074 XK",
            ["reason"] = "Has a job offer at a children's farm starting next month.",
            ["registered_by"] = "co-intake",
            ["assessed_by"] = "co-intake",
            ["payload"] = "ping",
            ["partner_id"] = PartnerId,
            ["activity_id"] = ActivityId,
            ["participant_ref"] = enrolment.ParticipantRef,
            ["title"] = "Koffieochtend",
            ["schedule"] = "Tuesdays 10:00-12:00",
            ["contact"] = PartnerContact,
            ["contact_person"] = "Kees, 06-12345678",
            ["date"] = SampleRequests.Day(),
            ["first_day"] = SampleRequests.Day(-6),
            ["last_day"] = SampleRequests.Day(),
            ["page_token"] = "",
            ["description"] = "Twee ochtenden per week vrijwilligerswerk",
            ["review_on"] = SampleRequests.Day(30),
            ["next_review_on"] = SampleRequests.Day(60),
            ["goal_id"] = "goal-1",
            ["suggestion_id"] = "sug-1",
            ["text"] = "Meedoen met de computercursus",
            ["words"] = "Liever niet, ik zorg voor mijn moeder.",
            ["note"] = "Gebeld over de cursus.",
            ["contacted_on"] = SampleRequests.Day(),
            ["start_on"] = SampleRequests.Day(7),
        };
        _numbers = new Dictionary<string, int>
        {
            ["months"] = 12,
            ["page_size"] = 10,
            ["caseload_limit"] = 0,
            ["work_experience_years"] = 3,
            ["years_on_assistance"] = 2,
            ["include_departed"] = 0,
            ["percent"] = 40,
            ["score"] = 7,
            ["hours_per_week"] = 16,
        };
        Plausible = NewPlausible();
    }

    /// <summary>
    /// Puts the world's person back in the world's coach's caseload: a plausible CoachService.ReleaseClient, fuzzed
    /// as an admin, takes them out, and every RPC fuzzed as the coach would then only meet PERMISSION_DENIED.
    /// </summary>
    public async Task RestoreCaseloadAsync()
    {
        try
        {
            await new CoachService.CoachServiceClient(Host.Channel).AssignClientAsync(
                new AssignClientRequest { CoachId = CoachId, ClientId = ClientId }, deadline: DateTime.UtcNow.Add(ReadDeadline));
        }
        catch (RpcException refused) when (refused.StatusCode == StatusCode.FailedPrecondition)
        {
            // The case ended or the caseload is full: the run reports the RPC as closed to its caller.
        }
    }

    /// <summary>A plausible-request maker of its own, so a run's inputs do not depend on what ran before it.</summary>
    public Plausible NewPlausible() => new(_strings, _numbers, Guid.NewGuid().ToString("N")[..8]);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// Everything a rejected request could have changed in this world, as text: the platform's counts, every
    /// neighbourhood, the fixture's neighbourhood, coach, caseload and person, the activity and its participants.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        var options = new CallOptions(deadline: DateTime.UtcNow.Add(ReadDeadline));
        var neighbourhoods = new NeighbourhoodService.NeighbourhoodServiceClient(Host.Channel);
        var coaches = new CoachService.CoachServiceClient(Host.Channel);
        var parts = new List<IMessage>
        {
            await new AdminService.AdminServiceClient(Host.Channel).GetPlatformStatusAsync(new GetPlatformStatusRequest(), options),
            await neighbourhoods.GetNeighbourhoodAsync(new GetNeighbourhoodRequest { NeighbourhoodId = NeighbourhoodId }, options),
            await coaches.GetCoachAsync(new GetCoachRequest { CoachId = CoachId }, options),
            await new ClientService.ClientServiceClient(Host.Channel).GetClientAsync(new GetClientRequest { ClientId = ClientId }, options),
            await new PartnerService.PartnerServiceClient(Host.Channel).GetActivityAsync(new GetActivityRequest { ActivityId = ActivityId }, options),
            await new PartnerService.PartnerServiceClient(Host.Channel).ListParticipantsAsync(new ListParticipantsRequest { ActivityId = ActivityId, PageSize = 1000 }, options),
        };
        var token = "";
        do
        {
            var page = await neighbourhoods.ListNeighbourhoodsAsync(new ListNeighbourhoodsRequest { PageSize = 1000, PageToken = token }, options);
            parts.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        do
        {
            var page = await coaches.GetCaseloadAsync(new GetCaseloadRequest { CoachId = CoachId, PageSize = 1000, PageToken = token }, options);
            parts.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Descriptor.Name).Append(' ').AppendLine(JsonFormatter.Default.Format(part));
        }

        return text.ToString();
    }

    /// <summary>Whether a resource named by this id field can be read back (a Get RPC takes exactly that id).</summary>
    public bool CanRead(string idField, MessageDescriptor? resource = null) =>
        _readers.TryGetValue(idField, out var reader) && (resource is null || reader.Resource.MessageType == resource);

    /// <summary>Reads the resource with this id through its Get RPC; null when it cannot be read.</summary>
    /// <summary>Whether the request points at the world's own person and coach (what the world's coach and person may reach).</summary>
    public bool IsOwn(IMessage request) =>
        (request.Descriptor.FindFieldByName("client_id") is not { } client || (string)client.Accessor.GetValue(request) == ClientId)
        && (request.Descriptor.FindFieldByName("coach_id") is not { } coach || (string)coach.Accessor.GetValue(request) == CoachId);

    /// <summary>Whether the RPC is fuzzed as the world's coach or person rather than as an admin.</summary>
    public bool IsScoped(Rpc rpc) => InvokerFor(rpc) is var invoker && (invoker == _coachInvoker || invoker == _personInvoker);

    public async Task<IMessage?> ReadAsync(string idField, string id, CallInvoker? invoker = null)
    {
        if (!_readers.TryGetValue(idField, out var reader))
        {
            return null;
        }

        var request = Protos.New(reader.Rpc.Input);
        reader.Rpc.Input.FindFieldByName(idField).Accessor.SetValue(request, id);
        var reply = await RawCall.InvokeAsync(invoker ?? Invoker, reader.Rpc, request.ToByteArray(), ReadDeadline);
        return reply.Ok ? (IMessage?)reader.Resource.Accessor.GetValue(reader.Rpc.Output.Parser.ParseFrom(reply.Messages[0])) : null;
    }

    /// <summary>
    /// The Get RPCs that read one resource by its id, found in the contract: the request is one string field named
    /// <c>…_id</c>, the response one message field (GetClient → client, GetCoach → coach…).
    /// </summary>
    private static Dictionary<string, (Rpc Rpc, FieldDescriptor Resource)> Readers() => RpcCatalog.All
        .Where(rpc => rpc.Descriptor.Name.StartsWith("Get", StringComparison.Ordinal)
            && rpc.Method.Type == MethodType.Unary
            && rpc.Input.Fields.InFieldNumberOrder() is [{ FieldType: FieldType.String, IsRepeated: false } id] && id.Name.EndsWith("_id", StringComparison.Ordinal)
            && rpc.Output.Fields.InFieldNumberOrder() is [{ FieldType: FieldType.Message, IsRepeated: false }])
        .ToDictionary(rpc => rpc.Input.Fields.InFieldNumberOrder()[0].Name, rpc => (rpc, rpc.Output.Fields.InFieldNumberOrder()[0]));
}
