namespace Participatie.Abstractions.Platform;

/// <summary>
/// The Orleans streams that tell open screens that something changed: a coach's inbox, a neighbourhood's figures.
/// A notice carries no data: the watcher reads the grain's state after it, so state stays the truth and a watcher
/// that missed a notice (a silo died, it was reconnecting) catches up on its next read. One stream per coach and per
/// neighbourhood, keyed by its id.
/// </summary>
public static class LiveStreams
{
    /// <summary>The stream provider (memory streams: a queue per partition, delivered by every silo's pulling agents).</summary>
    public const string Provider = "live";

    /// <summary>The grain storage the stream provider keeps its subscriptions in (the name Orleans expects).</summary>
    public const string PubSubStore = "PubSubStore";

    /// <summary>A coach's inbox: one notice per change that added items. Key: the coach id.</summary>
    public const string Inbox = "inbox";

    /// <summary>A neighbourhood's figures: one notice per stored write that changed them. Key: the neighbourhood id.</summary>
    public const string NeighbourhoodFigures = "neighbourhood-figures";
}

/// <summary>Something changed; read the state again. <see cref="Version"/> grows (an inbox's last sequence, a write's count).</summary>
[GenerateSerializer, Immutable, Alias("participatie.LiveNotice")]
public sealed record LiveNotice([property: Id(0)] long Version);
