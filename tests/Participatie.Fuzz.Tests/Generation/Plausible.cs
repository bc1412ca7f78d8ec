using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Participatie.Fuzz.Tests.Generation;

/// <summary>
/// Builds a plausible request for any message from its descriptor: the fixture's own ids for id fields, sensible
/// values for the fields this contract has, and a default by type for any field added later. Hostile inputs are
/// mostly a plausible request with one to three fields broken, so they get past the first check and reach the rules
/// behind it.
/// </summary>
/// <param name="strings">Plausible text by field name.</param>
/// <param name="numbers">Plausible numbers by field name.</param>
/// <param name="keyPrefix">Makes this maker's idempotency keys its own, so two makers never reuse each other's keys.</param>
public sealed class Plausible(IReadOnlyDictionary<string, string> strings, IReadOnlyDictionary<string, int> numbers, string keyPrefix)
{
    private int _requests;

    /// <summary>The plausible text of a field; fields named <c>request_id</c> get a fresh key each time.</summary>
    public string Text(FieldDescriptor field)
    {
        if (field.Name == "request_id")
        {
            return $"fuzz-{keyPrefix}-{Interlocked.Increment(ref _requests)}";
        }

        return strings.TryGetValue(field.Name, out var text) ? text : "fuzz";
    }

    public int Number(FieldDescriptor field) => numbers.TryGetValue(field.Name, out var number) ? number : 1;

    public IMessage Message(MessageDescriptor descriptor, int depth = 0)
    {
        var message = Protos.New(descriptor);
        if (depth > 4)
        {
            return message;
        }

        var oneofsSet = new HashSet<OneofDescriptor>();
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field.RealContainingOneof is { } oneof && !oneofsSet.Add(oneof))
            {
                continue;
            }

            if (field.IsMap)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                if (field.FieldType != FieldType.Message || !Protos.IsWrapper(field.MessageType))
                {
                    ((IList)field.Accessor.GetValue(message)).Add(Value(field, depth));
                }

                continue;
            }

            field.Accessor.SetValue(message, Value(field, depth));
        }

        return message;
    }

    /// <summary>A plausible value of the field's element type.</summary>
    public object Value(FieldDescriptor field, int depth = 0) => field.FieldType switch
    {
        FieldType.String => Text(field),
        FieldType.Enum => Protos.Enum(field, field.EnumType.Values.Select(v => v.Number).FirstOrDefault(n => n != 0)),
        FieldType.Message when Protos.IsWrapper(field.MessageType) => Protos.Scalar(field.MessageType.Fields.InFieldNumberOrder()[0], Number(field), Text(field)),
        FieldType.Message => Message(field.MessageType, depth + 1),
        _ => Protos.Scalar(field, Number(field), Text(field)),
    };
}

/// <summary>Helpers over Google.Protobuf reflection.</summary>
public static class Protos
{
    public static IMessage New(MessageDescriptor descriptor) => (IMessage)Activator.CreateInstance(descriptor.ClrType)!;

    /// <summary>google.protobuf.*Value: generated C# exposes these as nullable scalars, not as messages.</summary>
    public static bool IsWrapper(MessageDescriptor descriptor) =>
        descriptor.File.Name == "google/protobuf/wrappers.proto";

    public static object Enum(FieldDescriptor field, int number) => System.Enum.ToObject(field.EnumType.ClrType, number);

    /// <summary>A scalar of the field's CLR type from a number (or text for string and bytes fields).</summary>
    public static object Scalar(FieldDescriptor field, long number, string text) => field.FieldType switch
    {
        FieldType.String => text,
        FieldType.Bytes => ByteString.CopyFromUtf8(text),
        FieldType.Bool => number != 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => unchecked((int)number),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => number,
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)number),
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)number),
        FieldType.Float => (float)number,
        FieldType.Double => (double)number,
        FieldType.Enum => Enum(field, unchecked((int)number)),
        _ => throw new NotSupportedException($"{field.FullName} is {field.FieldType}"),
    };

    /// <summary>Every field path of a message type, nested messages included (to a depth), e.g. factors.health.</summary>
    public static IEnumerable<FieldDescriptor[]> Paths(MessageDescriptor descriptor, int depth = 3)
    {
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            yield return [field];
            if (depth > 1 && !field.IsRepeated && field.FieldType == FieldType.Message && !IsWrapper(field.MessageType))
            {
                foreach (var inner in Paths(field.MessageType, depth - 1))
                {
                    yield return [field, .. inner];
                }
            }
        }
    }

    public static string Name(IEnumerable<FieldDescriptor> path) => string.Join('.', path.Select(f => f.Name));
}
