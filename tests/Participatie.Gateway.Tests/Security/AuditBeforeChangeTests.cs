using System.Security.Claims;
using System.Text;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Participatie.Contracts.V1;
using Participatie.Gateway.Security.Audit;
using Participatie.TestSupport;

namespace Participatie.Gateway.Tests.Security;

/// <summary>
/// No change of a person's data exists without its audit record: the record of a change is stored before the change
/// is made, so a failing audit log means nothing changed. Refused attempts on a person are recorded with their outcome.
/// </summary>
public sealed class AuditBeforeChangeTests : IAsyncLifetime
{
    private readonly SwitchableAuditStore _store = new();
    private SiloHost _host = null!;
    private string _wijk = "";
    private string _person = "";
    private string _coach = "";

    public async Task InitializeAsync()
    {
        _host = await SiloHost.StartAsync("Memory", overrides: services => services.AddSingleton<IAuditStore>(_store));
        _wijk = "wk-audit-first";
        await new NeighbourhoodService.NeighbourhoodServiceClient(_host.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = _wijk, Name = "Afrikaanderwijk", Municipality = "Rotterdam" });
        _person = (await new ClientService.ClientServiceClient(_host.Channel).RegisterClientAsync(SampleRequests.Intake(_wijk))).Client.ClientId;
        _coach = (await new CoachService.CoachServiceClient(_host.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen" })).Coach.CoachId;
        await new CoachService.CoachServiceClient(_host.Channel).AssignClientAsync(new AssignClientRequest { CoachId = _coach, ClientId = _person });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WhileTheAuditLogCannotBeWrittenChangesAreRefusedWithUnavailableAndNothingChanges()
    {
        var coachRecords = new RecordService.RecordServiceClient(_host.ChannelAs("coach", _coach, purpose: "case_work"));
        var personRecords = new RecordService.RecordServiceClient(_host.ChannelAs("person", _person, purpose: null));
        var personClients = new ClientService.ClientServiceClient(_host.ChannelAs("person", _person, purpose: null));

        _store.Failing = true;
        var journal = await RpcAssert.FailsAsync(StatusCode.Unavailable, () => coachRecords.AddJournalEntryAsync(SampleRequests.JournalEntry(_person)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unavailable, () => personRecords.RecordWellBeingAsync(new RecordWellBeingRequest { ClientId = _person, Score = 7, Note = "Goed." }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unavailable, () => personClients.SetTeamInvolvementAsync(new SetTeamInvolvementRequest { ClientId = _person, Agreed = true }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unavailable, () => new ClientService.ClientServiceClient(_host.Channel).RegisterClientAsync(SampleRequests.Intake(_wijk)).ResponseAsync);
        _store.Failing = false;

        Assert.Contains("audit", journal.Status.Detail, StringComparison.OrdinalIgnoreCase);
        var record = (await personRecords.GetPersonRecordAsync(new GetPersonRecordRequest { ClientId = _person })).Record;
        Assert.Equal((0, 0), (record.JournalEntries, record.WellBeingCheckIns));
        Assert.False((await personClients.GetClientAsync(new GetClientRequest { ClientId = _person })).Client.TeamInvolvement);
        Assert.Single((await new ClientService.ClientServiceClient(_host.Channel).ListClientsAsync(new ListClientsRequest { NeighbourhoodId = _wijk })).Clients);
        Assert.Equal(4, _store.Refused);
    }

    [Fact]
    public async Task AChangeIsRecordedBeforeItIsMadeAndAgainWithItsOutcome()
    {
        var coachRecords = new RecordService.RecordServiceClient(_host.ChannelAs("coach", _coach, purpose: "case_work"));

        await coachRecords.AddJournalEntryAsync(SampleRequests.JournalEntry(_person));

        var records = _store.Records.Where(r => r.ClientId == _person && r.Action == "RecordService.AddJournalEntry").ToList();
        Assert.Equal(["Started", "OK"], records.OrderBy(r => r.Sequence).Select(r => r.Outcome));
        Assert.All(records, r => Assert.Equal((_coach, "case_work"), (r.ActorId, r.Purpose)));
    }

    [Fact]
    public async Task SomeoneProbingAnotherCoachsPersonIsRefusedAndTheAttemptIsInTheLog()
    {
        var prober = (await new CoachService.CoachServiceClient(_host.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Jan de Vries" })).Coach.CoachId;
        var probing = new ClientService.ClientServiceClient(_host.ChannelAs("coach", prober, purpose: "case_work"));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => probing.GetClientAsync(new GetClientRequest { ClientId = _person }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new RecordService.RecordServiceClient(_host.ChannelAs("coach", prober, purpose: "case_work"))
            .AddJournalEntryAsync(SampleRequests.JournalEntry(_person)).ResponseAsync);

        var log = (await new AdminService.AdminServiceClient(_host.Channel).QueryAuditLogAsync(new QueryAuditLogRequest { ActorId = prober })).Entries;
        Assert.Equal(
            ["ClientService.GetClient PermissionDenied", "RecordService.AddJournalEntry PermissionDenied"],
            log.Select(e => $"{e.Action} {e.Outcome}").Order(StringComparer.Ordinal));
        Assert.All(log, e => Assert.Equal((_person, "coach"), (e.ClientId, e.ActorRole)));
    }

    [Fact]
    public async Task AnExpiredTokenOfAKnownCoachIsRecordedAsRefusedAndAForgedOneIsNot()
    {
        var expired = Token(_coach, TestKeys.Key, expiredHoursAgo: 1);
        var forged = Token("co-forged-subject", Convert.ToBase64String(Encoding.ASCII.GetBytes("not the key of the platform, but 32 bytes long")), expiredHoursAgo: 1);

        foreach (var token in new[] { expired, forged })
        {
            var channel = TestKeys.Channel(_host.Address, token, purpose: "case_work");
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new ClientService.ClientServiceClient(channel).GetClientAsync(new GetClientRequest { ClientId = _person }).ResponseAsync);
        }

        var refused = _store.Records.Where(r => r.Outcome == "Unauthenticated").ToList();
        var record = Assert.Single(refused);
        Assert.Equal((_coach, "coach", _person, "ClientService.GetClient"), (record.ActorId, record.ActorRole, record.ClientId, record.Action));
    }

    private static string Token(string coachId, string base64Key, int expiredHoursAgo)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("role", "coach"), new Claim("sub", coachId)]),
            Issuer = TestKeys.Issuer,
            Audience = TestKeys.Audience,
            IssuedAt = now.AddHours(-expiredHoursAgo - 1),
            NotBefore = now.AddHours(-expiredHoursAgo - 1),
            Expires = now.AddHours(-expiredHoursAgo),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)) { KeyId = TestKeys.KeyId }, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The audit log of the Memory profile, made to fail on demand like a write-locked or unreachable store.</summary>
    private sealed class SwitchableAuditStore : IAuditStore
    {
        private readonly MemoryAuditStore _inner = new();
        private int _refused;

        public volatile bool Failing;

        public int Refused => _refused;

        public IReadOnlyList<AuditRecord> Records =>
            _inner.QueryAsync(new AuditQuery(null, null, null, null, null, 10_000), CancellationToken.None).Result;

        public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
        {
            if (Failing)
            {
                Interlocked.Increment(ref _refused);
                return Task.FromException(new IOException("database is locked"));
            }

            return _inner.AppendAsync(records, cancellationToken);
        }

        public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => _inner.QueryAsync(query, cancellationToken);
    }
}
