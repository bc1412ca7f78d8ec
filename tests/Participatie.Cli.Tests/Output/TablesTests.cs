using Participatie.Cli.Output;

namespace Participatie.Cli.Tests.Output;

/// <summary>Tables as scripts and logs read them: written anywhere but a terminal, they are plain text.</summary>
public sealed class TablesTests
{
    [Fact]
    public void ARedirectedTableIsPlainTextWithRowsStartingAtTheirFirstColumn()
    {
        var table = Tables.Create(new Column("OPERATION"), new Column("CALLS", RightAligned: true), new Column("P99 MS", RightAligned: true));
        table.AddText("GetClient", "12", "3.25");
        table.AddText("TOTAL", "1234", "10.50");

        var lines = Write(table);

        Assert.Equal(
            [
                "OPERATION  CALLS  P99 MS",
                "GetClient     12    3.25",
                "TOTAL       1234   10.50",
            ],
            lines);
    }

    [Fact]
    public void CellsArePrintedAsTheyAreNeverReadAsMarkup()
    {
        var table = Tables.Create(new Column("95% INTERVAL"), new Column("NOTE"));
        table.AddText("[-1.5 pp, +3.0 pp]", "[bold]not bold[/]");

        var lines = Write(table);

        Assert.Equal("[-1.5 pp, +3.0 pp]  [bold]not bold[/]", lines[1]);
    }

    [Fact]
    public void AWideRowStaysOnOneLineWhenRedirected()
    {
        var columns = Enumerable.Range(1, 12).Select(i => new Column($"COLUMN NUMBER {i}")).ToArray();
        var table = Tables.Create(columns);
        table.AddText([.. columns.Select(c => c.Header.ToLowerInvariant() + " value")]);

        var lines = Write(table);

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("column number 1 value  column number 2 value", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndentedTableWithoutHeadersShiftsEveryLine()
    {
        var table = Tables.Create(new Column(""), new Column("", RightAligned: true));
        table.AddText("clients", "5000");
        table.AddText("  with a coach", "4800");

        var lines = Write(Spectre.Console.TableExtensions.HideHeaders(table), indent: 2);

        Assert.Equal(["  clients         5000", "    with a coach  4800"], lines);
    }

    private static string[] Write(Spectre.Console.Table table, int indent = 0)
    {
        using var writer = new StringWriter();
        writer.WriteTable(table, indent);
        var text = writer.ToString();
        Assert.DoesNotContain('\u001b', text);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd())];
    }
}
