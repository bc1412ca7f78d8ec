using Participatie.Cli.Output;

namespace Participatie.Cli.Tests.Output;

/// <summary>Progress on a writer that is no terminal (a log file, a pipe): the work runs, and no escape code is written.</summary>
public sealed class BatchProgressTests
{
    [Fact]
    public async Task RedirectedProgressRunsTheWorkAndWritesNoEscapeCodes()
    {
        using var writer = new StringWriter();
        var done = 0;

        await BatchProgress.RunAsync(writer, "clients", 100, bar => Parallel.ForEachAsync(Enumerable.Range(0, 100), (_, _) =>
        {
            Interlocked.Increment(ref done);
            bar.Increment(1);
            return ValueTask.CompletedTask;
        }));

        Assert.Equal(100, done);
        Assert.DoesNotContain('\u001b', writer.ToString());
    }
}
