namespace Participatie.Cli.Commands;

/// <summary>The process exit codes of every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The gateway answered, but something failed (or, for <c>ping</c>, it did not answer).</summary>
    public const int Failure = 1;

    /// <summary>The gateway could not be reached.</summary>
    public const int Unreachable = 2;

    /// <summary>Interrupted with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
