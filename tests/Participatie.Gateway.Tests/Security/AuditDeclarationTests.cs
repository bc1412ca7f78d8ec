using Google.Protobuf.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Participatie.Contracts.V1;
using Participatie.Gateway.Security;
using Participatie.Gateway.Security.Audit;

namespace Participatie.Gateway.Tests.Security;

/// <summary>
/// Whom a call audits is declared by its access rule (a rule without that declaration does not compile); these tests
/// hold the declarations to the contract and to what services do.
/// </summary>
public sealed class AuditDeclarationTests
{
    /// <summary>
    /// RPCs that carry people's ids and audit nobody, and why. The audit log is the record of who reached whom: an admin
    /// reading it is not a read of anyone's case.
    /// </summary>
    private static readonly HashSet<string> CarryIdsUnaudited = ["participatie.v1.AdminService.QueryAuditLog"];

    [Fact]
    public void NoRpcWhoseRuleAuditsNobodyCarriesAPersonsIdInItsRequestOrReply()
    {
        var unaudited = AccessRules.PublicMethods.Where(m => !AccessRules.ByMethod[AccessRules.PathOf(m)].Audited && !CarryIdsUnaudited.Contains(m.FullName)).ToList();

        var carrying = unaudited.SelectMany(m => ClientIdFields(m.InputType).Concat(ClientIdFields(m.OutputType)).Select(field => $"{m.FullName}: {field}")).ToList();

        var stale = CarryIdsUnaudited.Where(name => AccessRules.PublicMethods.Single(m => m.FullName == name) is var m && (AccessRules.ByMethod[AccessRules.PathOf(m)].Audited || !ClientIdFields(m.OutputType).Concat(ClientIdFields(m.InputType)).Any()));

        Assert.NotEmpty(unaudited);
        Assert.Empty(carrying);
        Assert.Empty(stale);
    }

    [Fact]
    public async Task AServiceWhoseRuleDoesNotSayItNamesPeopleCannotNameAnyToTheAudit()
    {
        const string Someone = "cl-0000000000000001";
        var activity = Admitted(PartnerService.Descriptor, "GetActivity");
        var person = Admitted(ClientService.Descriptor, "GetClient");
        var hours = Admitted(PartnerService.Descriptor, "ListHours");

        Assert.Throws<InvalidOperationException>(() => activity.Reached([Someone]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => activity.ChangingAsync([Someone]));
        Assert.Throws<InvalidOperationException>(() => person.Reached([Someone]));
        hours.Reached([Someone]);
        Assert.Equal([Someone], hours.ReachedPeople);
    }

    [Fact]
    public void AParticipantNamedByReferenceIsFoundByTheRuleNotByTheService()
    {
        var hours = AccessRules.ByMethod[AccessRules.PathOf(PartnerService.Descriptor.FindMethodByName("RecordHours"))];

        Assert.Equal("pr-0123456789ab", hours.ParticipantInRequest!(new RecordHoursRequest { ActivityId = "ac-1", ParticipantRef = "pr-0123456789ab" }));
        Assert.Null(hours.PeopleNamedByService);
        Assert.True(hours.PersonData && hours.Changes);
    }

    private static CallContext Admitted(ServiceDescriptor service, string method)
    {
        var call = new CallContext(new AuditLog(new MemoryAuditStore(), NullLogger<AuditLog>.Instance), TimeProvider.System);
        call.Admit(new Caller(Role.Admin, "ad-1", null), "testing", AccessRules.ByMethod[AccessRules.PathOf(service.FindMethodByName(method))]);
        return call;
    }

    /// <summary>The fields named client_id or client_ids in a message and the messages it holds.</summary>
    private static IEnumerable<string> ClientIdFields(MessageDescriptor message, HashSet<string>? seen = null)
    {
        seen ??= [];
        if (!seen.Add(message.FullName))
        {
            yield break;
        }

        foreach (var field in message.Fields.InDeclarationOrder())
        {
            if (field.Name is "client_id" or "client_ids")
            {
                yield return $"{message.FullName}.{field.Name}";
            }

            if (field.FieldType == FieldType.Message)
            {
                foreach (var inner in ClientIdFields(field.MessageType, seen))
                {
                    yield return inner;
                }
            }
        }
    }
}
