using Spectre.Console;

namespace Participatie.Cli.Output;

/// <summary>One column of a table: its header and whether its cells are right-aligned (numbers).</summary>
internal readonly record struct Column(string Header, bool RightAligned = false);

/// <summary>
/// The CLI's tables, drawn by Spectre.Console: no borders, columns two spaces apart, headers bold on a terminal. The
/// first column starts each line, so scripts find a table's rows by their first word (e.g. <c>^OPERATION</c> to
/// <c>^TOTAL</c> in <c>participatie load</c>).
/// </summary>
internal static class Tables
{
    private const int Gap = 2;

    public static Table Create(params Column[] columns)
    {
        var table = new Table().Border(TableBorder.None);
        foreach (var column in columns)
        {
            var added = new TableColumn(new Text(column.Header, new Style(decoration: Decoration.Bold))).PadLeft(0).PadRight(Gap);
            table.AddColumn(column.RightAligned ? added.RightAligned() : added);
        }

        return table;
    }

    /// <summary>Adds a row of plain text: cells are never read as Spectre markup, so "[-0.5, 1.2]" stays as it is.</summary>
    public static Table AddText(this Table table, params string[] cells) => table.AddRow(cells.Select(cell => new Text(cell)));

    /// <summary>Writes the table to a command's output, indented by <paramref name="indent"/> spaces.</summary>
    public static void WriteTable(this TextWriter writer, Table table, int indent = 0) =>
        Terminal.For(writer, wrap: false).Write(indent == 0 ? table : new Padder(table, new Padding(indent, 0, 0, 0)));
}
