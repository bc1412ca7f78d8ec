using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Participatie.Silo.Storage;

/// <summary>
/// Grain state as System.Text.Json, chosen before any data exists (the Orleans default is Newtonsoft with CLR type
/// names, which ties stored rows to class names). Enums are written as names, so rows read well and survive
/// renumbering mistakes. Every storage provider of ours uses this one serializer.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public BinaryData Serialize<T>(T? input) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
        ?? throw new InvalidOperationException($"Stored state of type {typeof(T).Name} was null.");
}
