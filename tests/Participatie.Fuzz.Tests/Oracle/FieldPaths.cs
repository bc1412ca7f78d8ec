using System.Collections;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Participatie.Fuzz.Tests.Oracle;

/// <summary>Field paths as field violations name them: <c>factors.social_circumstances[3]</c>.</summary>
public static partial class FieldPaths
{
    /// <summary>
    /// True when the path names a field of the request type, with an index only on a repeated field and, when the
    /// request is known, within the elements it was sent with.
    /// </summary>
    public static bool IsFieldOf(MessageDescriptor descriptor, string path, IMessage? request)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        MessageDescriptor? current = descriptor;
        object? value = request;
        foreach (var segment in path.Split('.'))
        {
            var match = Segment().Match(segment);
            if (!match.Success || current is null)
            {
                return false;
            }

            var field = current.FindFieldByName(match.Groups["name"].Value);
            if (field is null)
            {
                return false;
            }

            value = value is IMessage message ? field.Accessor.GetValue(message) : null;
            if (match.Groups["index"].Success)
            {
                if (!field.IsRepeated || field.IsMap)
                {
                    return false;
                }

                var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (value is IList list)
                {
                    if (index >= list.Count)
                    {
                        return false;
                    }

                    value = list[index];
                }
            }
            else if (field.IsRepeated)
            {
                value = null;
            }

            current = field.FieldType == FieldType.Message && !field.IsMap ? field.MessageType : null;
        }

        return true;
    }

    [GeneratedRegex(@"^(?<name>[a-z][a-z0-9_]*)(\[(?<index>[0-9]{1,9})\])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
