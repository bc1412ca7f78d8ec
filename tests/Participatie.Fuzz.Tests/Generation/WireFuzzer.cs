using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Participatie.Fuzz.Tests.Generation;

/// <summary>
/// Deliberately malformed (and some odd but legal) wire bytes, written by hand: strings that are not UTF-8 (lone
/// surrogates, overlong forms, stray continuation bytes), truncated messages, lengths beyond the end, wrong and
/// invalid wire types, overlong varints, field number 0, unbalanced and deeply nested groups, garbage. Most are
/// appended to a plausible request, so the damage sits in an otherwise good message.
/// </summary>
public sealed class WireFuzzer(Random random, Plausible plausible)
{
    /// <summary>Byte sequences that are not UTF-8.</summary>
    public static readonly IReadOnlyList<(string Name, byte[] Bytes)> InvalidUtf8 =
    [
        ("stray continuation", [0x80]),
        ("lead without continuation", [0xC3, 0x28]),
        ("lone high surrogate", [0xED, 0xA0, 0x80]),
        ("lone low surrogate", [0xED, 0xB0, 0x80]),
        ("surrogate pair as CESU-8", [0xED, 0xA0, 0xBD, 0xED, 0xB2, 0xA9]),
        ("overlong slash", [0xC0, 0xAF]),
        ("overlong NUL", [0xC0, 0x80]),
        ("overlong three-byte", [0xE0, 0x80, 0xAF]),
        ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("truncated three-byte", [0xE2, 0x82]),
        ("0xFF", [0xFF]),
        ("0xFE 0xFF", [0xFE, 0xFF]),
        ("Latin-1 é", [0xE9]),
    ];

    public FuzzInput Next(MessageDescriptor descriptor)
    {
        var good = plausible.Message(descriptor).ToByteArray();
        var paths = Protos.Paths(descriptor).ToList();
        var strings = paths.Where(p => p[^1].FieldType == FieldType.String).ToList();
        var scalars = paths.Where(p => p[^1].FieldType is not (FieldType.Message or FieldType.Group)).ToList();
        switch (random.Next(14))
        {
            case 0 or 1 or 2 when strings.Count > 0:
            {
                var path = Hostile.Pick(random, strings);
                var (name, bad) = Hostile.Pick(random, InvalidUtf8);
                var text = Concat(Encoding.UTF8.GetBytes(Hostile.Pick(random, ["", "Jan", "cl-", "wk-", "p1."])), bad, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "" : "sen"));
                return Input(good, path, Wire.LengthDelimited(path[^1].FieldNumber, text), $"{Protos.Name(path)} not UTF-8 ({name})");
            }

            case 3 when good.Length >= 2:
            {
                var cut = random.Next(1, good.Length);
                return new FuzzInput(InputKind.Wire, good[..cut], $"truncated at {cut} of {good.Length}");
            }

            case 4:
            {
                var path = paths.Count > 0 ? Hostile.Pick(random, paths) : null;
                var number = path?[^1].FieldNumber ?? 1;
                var declared = Hostile.Pick(random, new long[] { 3, 1000, int.MaxValue, uint.MaxValue, long.MaxValue });
                var leaf = Concat(Wire.Tag(number, WireFormat.WireType.LengthDelimited), Wire.Varint((ulong)declared), "ab"u8.ToArray());
                return Input(good, path, leaf, $"{(path is null ? "field 1" : Protos.Name(path))} length {declared} beyond the end");
            }

            case 5 when paths.Count > 0:
            {
                var path = Hostile.Pick(random, paths);
                var (wrong, payload) = WrongWireType(path[^1]);
                return Input(good, path, Concat(Wire.Tag(path[^1].FieldNumber, wrong), payload), $"{Protos.Name(path)} as wire type {wrong}");
            }

            case 6 when scalars.Count > 0:
            {
                var path = Hostile.Pick(random, scalars);
                byte[] varint = random.Next(3) switch
                {
                    0 => [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
                    1 => Wire.Varint(ulong.MaxValue),
                    _ => [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
                };
                return Input(good, path, Concat(Wire.Tag(path[^1].FieldNumber, WireFormat.WireType.Varint), varint), $"{Protos.Name(path)} varint of {varint.Length} bytes");
            }

            case 7:
            {
                byte[] tag = random.Next(3) switch
                {
                    0 => [0x00, 0x01],
                    1 => [0x02, 0x01, 0x41],
                    _ => Concat(Wire.Varint(0xFFFFFFFFUL << 3), [0x01]),
                };
                return new FuzzInput(InputKind.Wire, Concat(good, tag), tag[0] == 0xF8 ? "field number beyond 2^29" : "field number 0");
            }

            case 8:
            {
                var number = random.Next(100, 536_870_911);
                var kind = random.Next(4);
                byte[] group = kind switch
                {
                    0 => Wire.Tag(number, WireFormat.WireType.StartGroup),
                    1 => Wire.Tag(number, WireFormat.WireType.EndGroup),
                    2 => Concat([.. Enumerable.Repeat(Wire.Tag(number, WireFormat.WireType.StartGroup), 200).SelectMany(b => b)], [.. Enumerable.Repeat(Wire.Tag(number, WireFormat.WireType.EndGroup), 200).SelectMany(b => b)]),
                    _ => Concat(Wire.Tag(number, WireFormat.WireType.StartGroup), Wire.Tag(number + 1, WireFormat.WireType.EndGroup)),
                };
                return new FuzzInput(InputKind.Wire, Concat(good, group), kind switch { 0 => "unclosed group", 1 => "end group without start", 2 => "200 nested groups", _ => "mismatched group" });
            }

            case 9:
            {
                var wireType = (byte)(random.Next(2) == 0 ? 6 : 7);
                return new FuzzInput(InputKind.Wire, Concat(good, [(byte)((1 << 3) | wireType), 0x00]), $"invalid wire type {wireType}");
            }

            case 10:
            {
                var junk = new byte[random.Next(1, 96)];
                random.NextBytes(junk);
                return new FuzzInput(InputKind.Wire, random.Next(2) == 0 ? junk : Concat(good, junk), $"{junk.Length} random bytes");
            }

            case 11 when paths.Any(p => IsPacked(p[^1])):
            {
                var path = Hostile.Pick(random, paths.Where(p => IsPacked(p[^1])).ToList());
                var body = random.Next(2) == 0 ? new byte[] { 0x01, 0x80 } : [0x63, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01];
                return Input(good, path, Wire.LengthDelimited(path[^1].FieldNumber, body), $"{Protos.Name(path)} packed {Convert.ToHexString(body)}");
            }

            case 12 when paths.Any(p => p[^1].FieldType == FieldType.Enum):
            {
                var path = Hostile.Pick(random, paths.Where(p => p[^1].FieldType == FieldType.Enum).ToList());
                var number = Hostile.Pick(random, Hostile.EnumNumbers);
                return Input(good, path, Concat(Wire.Tag(path[^1].FieldNumber, WireFormat.WireType.Varint), Wire.Varint(unchecked((ulong)number))), $"{Protos.Name(path)} enum number {number}");
            }

            default:
                return random.Next(3) switch
                {
                    0 => new FuzzInput(InputKind.Wire, [], "no bytes at all"),
                    1 => new FuzzInput(InputKind.Wire, Concat(good, good), "every field twice"),
                    _ => new FuzzInput(InputKind.Wire, Concat(good, Wire.LengthDelimited(random.Next(100, 10_000), Encoding.UTF8.GetBytes(Hostile.Pick(random, Hostile.Injection)))), "unknown field"),
                };
        }
    }

    /// <summary>A field with a wire type other than its own, with a payload that is well-formed for that wrong type.</summary>
    private (WireFormat.WireType Type, byte[] Payload) WrongWireType(FieldDescriptor field)
    {
        var own = OwnWireType(field);
        var choices = new[] { WireFormat.WireType.Varint, WireFormat.WireType.Fixed64, WireFormat.WireType.LengthDelimited, WireFormat.WireType.Fixed32 }
            .Where(type => type != own)
            .ToList();
        var wrong = Hostile.Pick(random, choices);
        return wrong switch
        {
            WireFormat.WireType.Varint => (wrong, Wire.Varint(42)),
            WireFormat.WireType.Fixed64 => (wrong, new byte[8]),
            WireFormat.WireType.Fixed32 => (wrong, new byte[] { 0x2A, 0, 0, 0 }),
            _ => (wrong, Concat(Wire.Varint(3), "<s>"u8.ToArray())),
        };
    }

    /// <summary>A repeated scalar sent packed (proto3's default); <see cref="FieldDescriptor.IsPacked"/> alone is also true for singular fields.</summary>
    private static bool IsPacked(FieldDescriptor field) =>
        field.IsRepeated && field.IsPacked && field.FieldType is not (FieldType.String or FieldType.Bytes or FieldType.Message or FieldType.Group);

    private static WireFormat.WireType OwnWireType(FieldDescriptor field) => IsPacked(field)
        ? WireFormat.WireType.LengthDelimited
        : field.FieldType switch
        {
            FieldType.Message or FieldType.String or FieldType.Bytes => WireFormat.WireType.LengthDelimited,
            FieldType.Group => WireFormat.WireType.StartGroup,
            FieldType.Fixed64 or FieldType.SFixed64 or FieldType.Double => WireFormat.WireType.Fixed64,
            FieldType.Fixed32 or FieldType.SFixed32 or FieldType.Float => WireFormat.WireType.Fixed32,
            _ => WireFormat.WireType.Varint,
        };

    /// <summary>The good message with the leaf appended inside the path's enclosing messages (which protobuf merges).</summary>
    private static FuzzInput Input(byte[] good, FieldDescriptor[]? path, byte[] leaf, string description)
    {
        var bytes = leaf;
        if (path is not null)
        {
            foreach (var enclosing in path[..^1].Reverse())
            {
                bytes = Wire.LengthDelimited(enclosing.FieldNumber, bytes);
            }
        }

        return new FuzzInput(InputKind.Wire, Concat(good, bytes), description);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(part => part)];
}

/// <summary>Protobuf wire primitives, written with <see cref="CodedOutputStream"/>.</summary>
public static class Wire
{
    public static byte[] Tag(int fieldNumber, WireFormat.WireType type) => Write(output => output.WriteTag(fieldNumber, type));

    public static byte[] Varint(ulong value) => Write(output => output.WriteUInt64(value));

    /// <summary>Tag, length and the bytes as they are, whatever they hold.</summary>
    public static byte[] LengthDelimited(int fieldNumber, byte[] payload) =>
        [.. Tag(fieldNumber, WireFormat.WireType.LengthDelimited), .. Varint((ulong)payload.Length), .. payload];

    private static byte[] Write(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(output);
        }

        return stream.ToArray();
    }
}
