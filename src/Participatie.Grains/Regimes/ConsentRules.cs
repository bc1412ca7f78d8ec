using Participatie.Abstractions.Regimes;
using Participatie.Domain.Regimes;
using Participatie.Domain.Validation;
using Participatie.Grains.Clients;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Regimes;

/// <summary>Recorded consent as grains store it; what it must hold is the domain's <see cref="Consent"/>.</summary>
internal static class ConsentRules
{
    /// <summary>
    /// Checks consent given as <paramref name="field"/> (<see cref="Consent.Check"/>; its parts are named by the domain,
    /// e.g. <c>Consent.GivenAt</c>); returns it as recorded, or null (with violations).
    /// </summary>
    public static ConsentRecord? Check(Violations violations, string field, ConsentData? consent, DateTimeOffset now, DateBounds bounds) =>
        Consent.Check(violations, field, consent is null ? null : (consent.Text, consent.Version, consent.GivenAt), now, Today.Of(now), bounds, Today.Of)?.ToRecord();
}
