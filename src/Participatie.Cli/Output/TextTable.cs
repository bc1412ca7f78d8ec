namespace Participatie.Cli.Output;

/// <summary>One column of a <see cref="TextTable"/>.</summary>
internal readonly record struct Column(string Header, bool RightAligned = false);

/// <summary>A plain-text table with padded columns, for terminals and logs alike.</summary>
internal sealed class TextTable(params Column[] columns)
{
    private const string Gap = "  ";
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"expected {columns.Length} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void Write(TextWriter writer, bool withHeader = true, string indent = "")
    {
        var widths = columns
            .Select((column, i) => _rows.Select(row => row[i].Length).Append(withHeader ? column.Header.Length : 0).Max())
            .ToArray();
        if (withHeader)
        {
            WriteRow(writer, indent, widths, [.. columns.Select(c => c.Header)]);
        }

        foreach (var row in _rows)
        {
            WriteRow(writer, indent, widths, row);
        }
    }

    private void WriteRow(TextWriter writer, string indent, int[] widths, string[] cells)
    {
        var padded = cells.Select((cell, i) => columns[i].RightAligned ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        writer.WriteLine((indent + string.Join(Gap, padded)).TrimEnd());
    }
}
