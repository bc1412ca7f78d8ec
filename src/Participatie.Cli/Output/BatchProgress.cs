using Spectre.Console;

namespace Participatie.Cli.Output;

/// <summary>
/// Progress of a batch on standard error, drawn by Spectre.Console: on a terminal a bar redrawn in place with the
/// share done and the time left; when redirected a plain line at 25%, 50%, 75% and near the end, so logs stay
/// readable. The task's <see cref="ProgressTask.Increment"/> is safe to call from many threads.
/// </summary>
internal static class BatchProgress
{
    public static Task RunAsync(TextWriter writer, string unit, int total, Func<ProgressTask, Task> work) =>
        Terminal.For(writer)
            .Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context => work(context.AddTask(Markup.Escape(unit), maxValue: total)));
}
