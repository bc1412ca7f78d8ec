using System.Diagnostics;

namespace Participatie.Cli.Output;

/// <summary>
/// Progress of a batch on standard error: on a terminal a bar redrawn in place
/// (<c>[#####.....] 2500/5000 clients  812/s</c>), when redirected a line at every tenth, so logs stay readable.
/// Safe to advance from many threads.
/// </summary>
internal sealed class ProgressBar
{
    private const int Width = 30;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TextWriter _writer;
    private readonly string _unit;
    private readonly int _total;
    private readonly bool _redraw;
    private int _done;
    private int _tenthsWritten;
    private TimeSpan _nextDraw = TimeSpan.Zero;

    public ProgressBar(TextWriter writer, string unit, int total)
    {
        _writer = writer;
        _unit = unit;
        _total = total;
        _redraw = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
    }

    public void Advance() => Draw(Interlocked.Increment(ref _done));

    /// <summary>Sets how much is done, for work that reports its own progress (e.g. a payment run on the server).</summary>
    public void Report(int done)
    {
        Interlocked.Exchange(ref _done, done);
        Draw(done);
    }

    private void Draw(int done)
    {
        lock (_lock)
        {
            if (_redraw && _clock.Elapsed >= _nextDraw)
            {
                _nextDraw = _clock.Elapsed + RedrawInterval;
                _writer.Write($"\r{Line(done)}   ");
            }
            else if (!_redraw && _total > 0 && done * 10 / _total > _tenthsWritten)
            {
                _tenthsWritten = done * 10 / _total;
                _writer.WriteLine(Line(done));
            }
        }
    }

    /// <summary>Draws the final state and ends the line.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_redraw)
            {
                _writer.WriteLine($"\r{Line(Volatile.Read(ref _done))}   ");
            }
            else if (_tenthsWritten < 10)
            {
                _writer.WriteLine(Line(Volatile.Read(ref _done)));
            }
        }
    }

    private string Line(int done)
    {
        var filled = _total == 0 ? Width : (int)Math.Min(Width, (long)done * Width / _total);
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        return $"[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{_total} {_unit}  {rate:0}/s";
    }
}
