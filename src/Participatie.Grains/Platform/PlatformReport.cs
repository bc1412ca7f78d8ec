using Participatie.Abstractions.Platform;
using Participatie.Grains.Infrastructure;

namespace Participatie.Grains.Platform;

/// <summary>
/// The platform's status as the receiver of a neighbourhood's or a coach's outbox: listed while it has not heard the
/// grain's current version of its figures. Each activation starts out not knowing what it heard, so it reports once:
/// a change stored just before a crash arrives with the next activation, as a listing stored with it would.
/// </summary>
internal sealed class PlatformReport(Func<long?> currentVersion) : IPendingReceivers
{
    private long? _heard;

    /// <summary>Listed while the grain exists and its figures are newer than those the status heard.</summary>
    public IReadOnlyList<string> Receivers => currentVersion() is { } version && version != _heard ? [DirectoryKeys.Platform] : [];

    /// <summary>Nothing to take off: <see cref="Heard"/> notes the version that arrived, not the one now current.</summary>
    public void RemoveDelivered(IReadOnlySet<string> delivered)
    {
    }

    /// <summary>The status heard <paramref name="version"/>; a newer one stored meanwhile stays listed.</summary>
    public void Heard(long version) => _heard = Math.Max(_heard ?? version, version);
}
