using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorIpc.Cli.Fleets;

/// <summary>A fleet's status as a table: columns of plain text, or a Spectre.Console table for a terminal.</summary>
internal static class StatusTable
{
    /// <summary>Writes the table as columns of plain text, aligned with spaces, one line per replica.</summary>
    public static void WritePlain(TextWriter output, FleetStatus status)
    {
        var rows = status.Replicas.Select(StatusText.Row).Prepend([.. StatusText.Headers]).ToArray();
        var widths = Enumerable.Range(0, StatusText.Headers.Count).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }

    /// <summary>The table for a terminal.</summary>
    public static Table ToRenderable(FleetStatus status)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in StatusText.Headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        foreach (var replica in status.Replicas)
        {
            var cells = StatusText.Row(replica);
            table.AddRow(cells.Select((cell, column) => (IRenderable)new Text(cell, column == 3 ? StateStyle(replica.State) : Style.Plain)));
        }

        return table;
    }

    private static Style StateStyle(ReplicaState state) => state switch
    {
        ReplicaState.Ready => new Style(Color.Green),
        ReplicaState.Starting or ReplicaState.Stopping => new Style(Color.Yellow),
        ReplicaState.BackingOff or ReplicaState.Failed => new Style(Color.Red),
        _ => new Style(Color.Grey),
    };
}
