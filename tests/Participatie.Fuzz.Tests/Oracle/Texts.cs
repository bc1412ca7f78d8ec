using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Participatie.Fuzz.Tests.Oracle;

/// <summary>The string fields of a message reachable without crossing a repeated field, with their paths.</summary>
public static class Texts
{
    public static IEnumerable<(FieldDescriptor Field, string Path, string Value)> Singular(IMessage message, string prefix = "")
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsRepeated || field.IsMap)
            {
                continue;
            }

            var value = field.Accessor.GetValue(message);
            if (field.FieldType == FieldType.String && value is string text)
            {
                yield return (field, prefix + field.Name, text);
            }
            else if (value is IMessage inner)
            {
                foreach (var leaf in Singular(inner, prefix + field.Name + "."))
                {
                    yield return leaf;
                }
            }
        }
    }

    /// <summary>The messages of a message reachable without crossing a repeated field, itself included.</summary>
    public static IEnumerable<IMessage> SingularMessages(IMessage message)
    {
        yield return message;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (!field.IsRepeated && field.Accessor.GetValue(message) is IMessage inner)
            {
                foreach (var nested in SingularMessages(inner))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>True when the text holds a control character other than tab and line breaks.</summary>
    public static bool HasControl(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>A short, printable rendering for failure messages.</summary>
    public static string Show(string text)
    {
        var shown = string.Concat(text.Take(60).Select(c => char.IsControl(c) || char.IsSurrogate(c) || c is >= '\u2000' and <= '\u206F' || c >= '\uFFF0'
            ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
            : c.ToString()));
        return $"\"{shown}{(text.Length > 60 ? "…" : "")}\" ({text.Length} chars)";
    }
}
