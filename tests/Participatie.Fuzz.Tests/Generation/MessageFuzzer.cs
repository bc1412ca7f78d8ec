using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Participatie.Fuzz.Tests.Generation;

/// <summary>
/// Well-formed hostile messages built through protobuf reflection (<see cref="FieldDescriptor.Accessor"/>): a plausible,
/// empty or random request with one to three fields — nested ones, repeated ones and maps included — set to hostile
/// values of their type: attack strings, oversized text, control characters, numbers at every bound, unknown enum
/// numbers, floods of repeated elements.
/// </summary>
public sealed class MessageFuzzer(Random random, Plausible plausible)
{
    public FuzzInput Next(MessageDescriptor descriptor)
    {
        var (message, basis) = random.Next(10) switch
        {
            0 => (Protos.New(descriptor), "empty"),
            1 => (RandomMessage(descriptor, 0), "random"),
            _ => (plausible.Message(descriptor), "plausible"),
        };
        var paths = Protos.Paths(descriptor).ToList();
        var notes = new List<string> { basis };
        if (paths.Count > 0)
        {
            var mutations = random.Next(20) switch { < 12 => 1, < 17 => 2, _ => 3 };
            for (var i = 0; i < mutations; i++)
            {
                var path = Hostile.Pick(random, paths);
                notes.Add($"{Protos.Name(path)}={Mutate(message, path)}");
            }
        }

        return new FuzzInput(InputKind.Message, message.ToByteArray(), string.Join("; ", notes));
    }

    /// <summary>Sets the field at the path to a hostile value, creating the messages on the way; returns what it set.</summary>
    private string Mutate(IMessage root, FieldDescriptor[] path)
    {
        var message = root;
        foreach (var step in path[..^1])
        {
            var inner = (IMessage?)step.Accessor.GetValue(message);
            if (inner is null)
            {
                inner = plausible.Message(step.MessageType);
                step.Accessor.SetValue(message, inner);
            }

            message = inner;
        }

        var field = path[^1];
        if (field.IsMap)
        {
            var map = (IDictionary)field.Accessor.GetValue(message);
            var key = field.MessageType.FindFieldByNumber(1);
            var value = field.MessageType.FindFieldByNumber(2);
            var count = Hostile.Pick(random, Hostile.RepeatedCounts);
            for (var i = 0; i < count; i++)
            {
                map[Element(key, small: true)] = Element(value, small: count > 5);
            }

            return $"map of {count}";
        }

        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            list.Clear();
            var count = Hostile.Pick(random, Hostile.RepeatedCounts);
            var same = random.Next(2) == 0;
            var first = Element(field, small: count > 5);
            for (var i = 0; i < count; i++)
            {
                list.Add(same ? first : Element(field, small: count > 5));
            }

            return $"{count} × {Show(first)}";
        }

        if (field.FieldType == FieldType.Message && !Protos.IsWrapper(field.MessageType))
        {
            switch (random.Next(3))
            {
                case 0:
                    field.Accessor.Clear(message);
                    return "absent";
                case 1:
                    field.Accessor.SetValue(message, Protos.New(field.MessageType));
                    return "empty";
                default:
                    field.Accessor.SetValue(message, RandomMessage(field.MessageType, 1));
                    return "random";
            }
        }

        var hostile = Element(field, small: false);
        field.Accessor.SetValue(message, hostile);
        return Show(hostile);
    }

    /// <summary>A hostile value of the field's element type; small values for floods of repeated elements.</summary>
    private object Element(FieldDescriptor field, bool small)
    {
        var scalarField = field.FieldType == FieldType.Message && Protos.IsWrapper(field.MessageType)
            ? field.MessageType.FindFieldByNumber(1)
            : field;
        switch (scalarField.FieldType)
        {
            case FieldType.String:
            {
                var text = Hostile.Text(random, field.Name, plausible.Text(field));
                return small && text.Length > 100 ? text[..100] : text;
            }

            case FieldType.Bytes:
            {
                var bytes = new byte[small ? random.Next(0, 16) : random.Next(0, 2048)];
                random.NextBytes(bytes);
                return ByteString.CopyFrom(bytes);
            }

            case FieldType.Enum:
                return Protos.Enum(scalarField, random.Next(2) == 0
                    ? Hostile.Pick(random, Hostile.EnumNumbers)
                    : Hostile.Pick(random, scalarField.EnumType.Values.ToList()).Number);
            case FieldType.Message:
                return random.Next(2) == 0 ? plausible.Message(scalarField.MessageType) : RandomMessage(scalarField.MessageType, 1);
            case FieldType.Float:
                return (float)Hostile.Pick(random, Hostile.Doubles);
            case FieldType.Double:
                return Hostile.Pick(random, Hostile.Doubles);
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64:
                return Protos.Scalar(scalarField, Hostile.Pick(random, Hostile.Int64s), "");
            default:
                return Protos.Scalar(scalarField, random.Next(5) == 0 ? random.Next(int.MinValue, int.MaxValue) : Hostile.Pick(random, Hostile.Int32s), "");
        }
    }

    /// <summary>Every field set, about half of them to hostile values.</summary>
    private IMessage RandomMessage(MessageDescriptor descriptor, int depth)
    {
        var message = plausible.Message(descriptor);
        if (depth > 3)
        {
            return message;
        }

        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (random.Next(2) == 0)
            {
                Mutate(message, [field]);
            }
        }

        return message;
    }

    private static string Show(object value) => value switch
    {
        string text => Oracle.Texts.Show(text),
        IMessage message => message.Descriptor.Name,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
