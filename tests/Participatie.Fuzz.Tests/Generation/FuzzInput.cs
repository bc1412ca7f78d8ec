namespace Participatie.Fuzz.Tests.Generation;

/// <summary>How an input was made.</summary>
public enum InputKind
{
    /// <summary>A message built through protobuf reflection with hostile field values.</summary>
    Message,

    /// <summary>Wire bytes written by hand: invalid UTF-8, truncation, wrong wire types, overlong varints and more.</summary>
    Wire,

    /// <summary>A message at, just above or far above the gateway's message size limit.</summary>
    Size,
}

/// <summary>One hostile input for one RPC: the bytes sent and a short account of what they hold.</summary>
public sealed record FuzzInput(InputKind Kind, byte[] Bytes, string Description)
{
    public override string ToString()
    {
        var hex = Convert.ToHexString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 48)));
        return $"{Kind} [{Description}] {Bytes.Length} bytes: {hex}{(Bytes.Length > 48 ? "…" : "")}";
    }
}
