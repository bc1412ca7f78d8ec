using Participatie.Gateway.Errors;

namespace Participatie.Gateway.Tests.Errors;

public sealed class ProtoFieldNamesTests
{
    [Theory]
    [InlineData("ReviewOn", "review_on")]
    [InlineData("ClientId", "client_id")]
    [InlineData("Factors.HealthLimits", "factors.health_limits")]
    [InlineData("Goals[2].ReviewOn", "goals[2].review_on")]
    [InlineData("BSNNumber", "bsn_number")]
    [InlineData("Week2Hours", "week2_hours")]
    [InlineData("lastDay", "last_day")]
    [InlineData("review_on", "review_on")]
    [InlineData("factors.health_limits", "factors.health_limits")]
    public void ADomainNameIsTheProtoFieldInSnakeCase(string domain, string proto) =>
        Assert.Equal(proto, ProtoFieldNames.Of("/participatie.v1.ClientService/RegisterClient", domain));

    [Theory]
    [InlineData("/participatie.v1.ClientService/GetRegime", "Day", "date")]
    [InlineData("/participatie.v1.ClientService/EndTrajectory", "Until", "last_day")]
    [InlineData("/participatie.v1.ClientService/StartTrajectory", "Until", "until")]
    [InlineData("/participatie.v1.ClientService/StartTrajectory", "Consent.GivenAt", "consent.given_at")]
    [InlineData("/participatie.v1.PartnerService/RecordHours", "Reference", "participant_ref")]
    [InlineData("/participatie.v1.PartnerService/EnrolParticipant", "Reference", "participant_ref")]
    [InlineData("/participatie.v1.ClientService/RegisterClient", "Reference", "reference")]
    public void AFieldTheProtoNamesOtherwiseIsRenamedForItsRpcOnly(string method, string domain, string proto) =>
        Assert.Equal(proto, ProtoFieldNames.Of(method, domain));
}
