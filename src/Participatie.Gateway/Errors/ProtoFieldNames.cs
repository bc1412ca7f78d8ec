using System.Text;

namespace Participatie.Gateway.Errors;

/// <summary>
/// Names a field that the domain or a grain found wrong by the proto field a caller sent. Below the gateway, fields
/// carry the domain's own names: the C# member names of commands and facts (<c>nameof(ProposeGoalCommand.ReviewOn)</c>,
/// "Factors.HealthLimits", "Goals[2].ReviewOn"). The protos name the same fields in snake_case, so one rule maps nearly
/// all of them: each dotted segment from PascalCase to snake_case, indexes kept. Where a proto names a field otherwise,
/// <see cref="Renamed"/> says so per RPC. A name already in snake_case (the gateway's own checks) is left as it is.
/// </summary>
public static class ProtoFieldNames
{
    /// <summary>Per RPC (its full gRPC method, "/participatie.v1.ClientService/RegisterClient"), domain name → proto field.</summary>
    private static readonly Dictionary<(string Method, string Field), string> Renamed = new()
    {
        // A participant of an activity is known to its partner by a reference (RecordHoursCommand.Reference).
        [("/participatie.v1.PartnerService/EnrolParticipant", "Reference")] = "participant_ref",
        [("/participatie.v1.PartnerService/RecordHours", "Reference")] = "participant_ref",

        // An activity's contact (ActivityDetails.Contact) is its contact_person in the request.
        [("/participatie.v1.PartnerService/CreateActivity", "Activity.Contact")] = "activity.contact_person",
        [("/participatie.v1.PartnerService/UpdateActivity", "Activity.Contact")] = "activity.contact_person",

        // The regime of a day: the grain checks the day it is asked about (RegimeView.Day), the request calls it date.
        [("/participatie.v1.ClientService/GetRegime", "Day")] = "date",

        // Ending a trajectory sets its Until; the request calls that day last_day.
        [("/participatie.v1.ClientService/EndTrajectory", "Until")] = "last_day",
    };

    /// <summary>The proto field that a violation of <paramref name="field"/> in a call of <paramref name="method"/> names.</summary>
    public static string Of(string method, string field)
    {
        if (Renamed.TryGetValue((method, field), out var renamed))
        {
            return renamed;
        }

        var name = new StringBuilder(field.Length + 8);
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? field[i - 1] : '.';
                var next = i + 1 < field.Length ? field[i + 1] : '.';
                // A word starts at an upper-case letter after a lower-case one or a digit, and at the last capital of an
                // acronym that a lower-case letter follows ("BSNNumber" → "bsn_number").
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                {
                    name.Append('_');
                }

                name.Append(char.ToLowerInvariant(c));
            }
            else
            {
                name.Append(c);
            }
        }

        return name.ToString();
    }
}
