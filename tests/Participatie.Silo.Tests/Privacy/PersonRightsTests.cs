using System.Globalization;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Participatie.Contracts.V1;
using Participatie.Silo.Storage;
using Participatie.TestSupport;

namespace Participatie.Silo.Tests.Privacy;

/// <summary>
/// The person's rights and data minimisation on the Local profile (SQLite on disk): their own export, anonymisation
/// after the retention period unless a legal hold applies, the BSN stored encrypted, the audit log append-only.
/// </summary>
public sealed class PersonRightsTests : IDisposable
{
    private const string Bsn = "111222333";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "participatie-rights-" + Guid.NewGuid().ToString("N"));
    private readonly ReminderTicks _ticks = new();

    /// <summary>How long a reminder ticking every second may take before the test gives up (a broken build, not a timing).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> FastRetention = new()
    {
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["Reminders:RefreshReminderListPeriod"] = "00:00:01",
        ["Retention:AfterCaseEnd"] = "00:00:02",
        ["Retention:CheckInterval"] = "00:00:01",
    };

    [Fact]
    public async Task ThePersonExportsEverythingHeldAboutThemIncludingWhoLooked()
    {
        await using var host = await SiloHost.StartAsync("Local", _data);
        var id = await RegisterAsync(host);
        var own = new ClientService.ClientServiceClient(host.ChannelAs("person", id, purpose: null));
        await own.SetPaymentDetailsAsync(new SetPaymentDetailsRequest { ClientId = id, Bsn = Bsn });

        var export = await own.ExportPersonDataAsync(new ExportPersonDataRequest { ClientId = id });

        using var json = JsonDocument.Parse(export.Json);
        var record = json.RootElement.GetProperty("record");
        Assert.Equal("participatie.person-export.v1", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(id, record.GetProperty("clientId").GetString());
        Assert.Equal("Mohamed", record.GetProperty("givenName").GetString());
        Assert.Equal("HEALTH_LIMITATION_MILD", record.GetProperty("factors").GetProperty("health").GetString());
        Assert.True(record.GetProperty("hasPaymentDetails").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("accessLog").EnumerateArray(), e => e.GetProperty("action").GetString() == "ClientService.RegisterClient");
        Assert.DoesNotContain(Bsn, export.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBsnIsStoredEncryptedAndNeverShown()
    {
        string id;
        await using (var host = await SiloHost.StartAsync("Local", _data))
        {
            id = await RegisterAsync(host);
            var clients = new ClientService.ClientServiceClient(host.Channel);
            await RpcAssert.InvalidAsync(() => clients.SetPaymentDetailsAsync(new SetPaymentDetailsRequest { ClientId = id, Bsn = "111222334" }).ResponseAsync, "bsn");
            Assert.False((await clients.GetClientAsync(new GetClientRequest { ClientId = id })).Client.HasPaymentDetails);

            var set = (await clients.SetPaymentDetailsAsync(new SetPaymentDetailsRequest { ClientId = id, Bsn = Bsn })).Client;
            Assert.True(set.HasPaymentDetails);
            Assert.DoesNotContain(Bsn, set.ToString(), StringComparison.Ordinal);
        }

        // Not in the database file (state, WAL, audit log) in any form a search for the digits would find.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_data))
        {
            Assert.DoesNotContain(Bsn, Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnEndedCaseIsAnonymisedAfterTheRetentionPeriodUnlessALegalHoldApplies()
    {
        await using var host = await SiloHost.StartAsync("Local", _data, FastRetention, _ticks.AddTo);
        var clients = new ClientService.ClientServiceClient(host.Channel);
        var released = await RegisterAsync(host);
        var held = await RegisterAsync(host);
        await clients.SetLegalHoldAsync(new SetLegalHoldRequest { ClientId = held, Hold = true, Reason = "Objection procedure (bezwaar) pending" });
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var ended = await clients.EndCaseAsync(new EndCaseRequest { ClientId = released, EndedOn = today, Reason = "Found work at the harbour" });
        await clients.EndCaseAsync(new EndCaseRequest { ClientId = held, EndedOn = today, Reason = "Moved to another municipality" });
        Assert.Equal(today, ended.Client.CaseEndedOn);
        await RpcAssert.PreconditionAsync(() => clients.EndCaseAsync(new EndCaseRequest { ClientId = released, EndedOn = today, Reason = "again" }).ResponseAsync, "CASE_ENDED");

        var anonymised = await AnonymisedAsync(host, released);
        Assert.Equal("", anonymised.GivenName);
        Assert.Equal("", anonymised.FamilyName);
        Assert.Equal("", anonymised.Postcode);
        Assert.EndsWith("-01-01", anonymised.DateOfBirth, StringComparison.Ordinal);
        Assert.NotEqual(Segment.Unspecified, anonymised.CurrentEstimate.Segment);
        var person = new ClientService.ClientServiceClient(host.ChannelAs("person", released, purpose: null));
        await RpcAssert.PreconditionAsync(() => person.SetTeamInvolvementAsync(new SetTeamInvolvementRequest { ClientId = released, Agreed = true }).ResponseAsync, "ANONYMISED");

        // No list shows the anonymised record, and its row in the client directory kept no name.
        var listed = await clients.ListClientsAsync(new ListClientsRequest { IncludeEndedCases = true });
        Assert.DoesNotContain(released, listed.Clients.Select(c => c.ClientId));
        Assert.Contains(held, listed.Clients.Select(c => c.ClientId));
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "participatie.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT given_name || family_name || name_key, anonymised FROM client_directory WHERE client_id = $id";
            command.Parameters.AddWithValue("$id", released);
            await using var row = await command.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync());
            Assert.Equal(("", 1L), (row.GetString(0), row.GetInt64(1)));
        }

        // The held record keeps everything while the hold lasts, and is anonymised once it is lifted.
        // Its retention reminder has come due and fired (at least once, after the other record's), and kept it.
        await _ticks.Next(held, Participatie.Grains.Clients.ClientGrain.RetentionReminder).WaitAsync(Bound);
        Assert.Equal("Mohamed", (await clients.GetClientAsync(new GetClientRequest { ClientId = held })).Client.GivenName);
        await clients.SetLegalHoldAsync(new SetLegalHoldRequest { ClientId = held, Hold = false });
        await AnonymisedAsync(host, held);
    }

    [Fact]
    public async Task AtAnonymisationEveryonesWordsInTheContractAndTheRecordGoAndTheFactsStay()
    {
        await using var host = await SiloHost.StartAsync("Local", _data, FastRetention, _ticks.AddTo);
        var id = await RegisterAsync(host);
        var coach = (await new CoachService.CoachServiceClient(host.Channel).CreateCoachAsync(new CreateCoachRequest { DisplayName = "Sanne Jansen", CaseloadLimit = 10 })).Coach.CoachId;
        await new CoachService.CoachServiceClient(host.Channel).AssignClientAsync(new AssignClientRequest { CoachId = coach, ClientId = id });
        var byCoach = new ContractService.ContractServiceClient(host.ChannelAs("coach", coach));
        var byPerson = new ContractService.ContractServiceClient(host.ChannelAs("person", id, purpose: null));
        var records = new RecordService.RecordServiceClient(host.ChannelAs("coach", coach));
        var goal = (await byPerson.ProposeGoalAsync(SampleRequests.Goal(id, "Mijn schulden bij de woningcorporatie aflossen"))).Goal;
        await byCoach.AgreeGoalAsync(new AgreeGoalRequest { ClientId = id, GoalId = goal.GoalId });
        await byPerson.RecordGoalProgressAsync(new RecordGoalProgressRequest { ClientId = id, GoalId = goal.GoalId, Percent = 50, Note = "Helft betaald" });
        var suggestion = (await byCoach.MakeSuggestionAsync(SampleRequests.Suggestion(id))).Suggestion;
        await byPerson.RespondToSuggestionAsync(new RespondToSuggestionRequest { ClientId = id, SuggestionId = suggestion.SuggestionId, Words = "Nee, mijn moeder heeft mij nodig" });
        await records.RecordWellBeingAsync(new RecordWellBeingRequest { ClientId = id, Score = 6, Note = "Slaapt slecht" });
        await records.AddJournalEntryAsync(SampleRequests.JournalEntry(id));
        var partners = new PartnerService.PartnerServiceClient(host.Channel);
        await partners.RegisterPartnerAsync(new RegisterPartnerRequest { PartnerId = "pt-rights", Name = "Buurthuis De Kroon", Contact = "info@dekroon.example" });
        var activity = (await partners.CreateActivityAsync(new CreateActivityRequest
        {
            PartnerId = "pt-rights",
            Activity = new ActivityDetails { Title = "Moestuin", Type = ActivityType.Gardening, NeighbourhoodId = "wk-rights", Capacity = 5, Schedule = "Dinsdag 10:00", ContactPerson = "Anouk" },
        })).Activity.ActivityId;
        await new ClientService.ClientServiceClient(host.ChannelAs("person", id, purpose: null)).EnrolInActivityAsync(new EnrolInActivityRequest { ClientId = id, ActivityId = activity });

        await new ClientService.ClientServiceClient(host.Channel).EndCaseAsync(new EndCaseRequest { ClientId = id, EndedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Reason = "Werk gevonden" });
        await AnonymisedAsync(host, id);

        var contract = (await new ContractService.ContractServiceClient(host.Channel).GetSocialContractAsync(new GetSocialContractRequest { ClientId = id })).Contract;
        var journal = await new RecordService.RecordServiceClient(host.Channel).ListJournalAsync(new ListJournalRequest { ClientId = id });
        var wellBeing = await new RecordService.RecordServiceClient(host.ChannelAs("person", id, purpose: null)).ListWellBeingAsync(new ListWellBeingRequest { ClientId = id });
        var kept = Assert.Single(contract.Goals);
        Assert.Equal(("", "", GoalDomain.Volunteering, GoalStatus.Agreed, 50), (kept.Description, kept.Progress[0].Note, kept.Domain, kept.Status, kept.Percent));
        Assert.Equal(("", "", SuggestionStatus.Declined), (contract.Suggestions[0].Text, contract.Suggestions[0].Words, contract.Suggestions[0].Status));
        Assert.Equal(("", ContactType.Phone), (Assert.Single(journal.Entries).Note, journal.Entries[0].Type));
        Assert.Equal(("", 6), (Assert.Single(wellBeing.CheckIns).Note, wellBeing.CheckIns[0].Score));
        Assert.Equal(5, contract.HistoryCount);
        var participant = Assert.Single((await partners.ListParticipantsAsync(new ListParticipantsRequest { ActivityId = activity })).Participants);
        Assert.Equal(("", ParticipantStatus.Enrolled), (participant.FirstName, participant.Status));
    }

    [Fact]
    public async Task TheAuditLogCannotBeChangedOrEmptied()
    {
        await using (var host = await SiloHost.StartAsync("Local", _data))
        {
            await RegisterAsync(host);
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, SqliteAuditDatabase.FileName)}");
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit_log SET purpose = 'x'", "DELETE FROM audit_log" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheDevelopmentKeyWorksInTheLocalProfileOnly()
    {
        await using var host = await SiloHost.StartAsync("Local", _data, new Dictionary<string, string> { ["Auth:AllowDevelopmentKey"] = "true" });
        var dev = TestKeys.Channel(host.Address, Participatie.Security.Tokens.Mint("admin", "dev"));

        Assert.Equal("ok", (await new AdminService.AdminServiceClient(dev).PingAsync(new PingRequest { Payload = "ok" })).Payload);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => SiloHost.StartAsync("PostgreSql", settings: new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=none",
            ["Auth:AllowDevelopmentKey"] = "true",
        }));
        Assert.Contains("Auth:AllowDevelopmentKey", refused is Microsoft.Extensions.Options.OptionsValidationException v ? string.Join(";", v.Failures) : refused.Message, StringComparison.Ordinal);
    }

    private static async Task<string> RegisterAsync(SiloHost host)
    {
        var wijk = "wk-rights";
        try
        {
            await new NeighbourhoodService.NeighbourhoodServiceClient(host.Channel).CreateNeighbourhoodAsync(new CreateNeighbourhoodRequest { NeighbourhoodId = wijk, Name = "Charlois", Municipality = "Rotterdam" });
        }
        catch (RpcException exists) when (exists.StatusCode == StatusCode.AlreadyExists)
        {
            // Made by an earlier registration of this test.
        }

        return (await new ClientService.ClientServiceClient(host.Channel).RegisterClientAsync(SampleRequests.Intake(wijk))).Client.ClientId;
    }

    /// <summary>Reads the record after each tick of its retention reminder until it is anonymised.</summary>
    private Task<Client> AnonymisedAsync(SiloHost host, string clientId) => _ticks.UntilAsync(
        clientId,
        Participatie.Grains.Clients.ClientGrain.RetentionReminder,
        async () => (await new ClientService.ClientServiceClient(host.Channel).GetClientAsync(new GetClientRequest { ClientId = clientId })).Client,
        c => c.Anonymised,
        Bound);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
