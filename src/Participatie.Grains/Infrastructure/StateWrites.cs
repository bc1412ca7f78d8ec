namespace Participatie.Grains.Infrastructure;

/// <summary>How every grain of ours stores its state.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Stores the state. When that fails, memory is ahead of storage: the activation is dropped, so the next call reads
    /// what was stored, and the failure goes to the caller (a database that is down is UNAVAILABLE at the gateway).
    /// </summary>
    public static async Task WriteOrDeactivateAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
