using CsvHelper;

namespace OrderConsole.Tests.Support;

/// <summary>A CSV export read back with CsvHelper: its header row and each row as column name → value.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static CsvTable Parse(string text)
    {
        using var reader = CsvReader.FromText(text, null);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((name, index) => (name, index)).ToDictionary(column => column.name, column => reader.GetString(column.index), StringComparer.Ordinal));
        }

        if (rows.Count == 0)
        {
            // A header alone: read it to know the columns.
            using var headerOnly = CsvReader.FromText(text, null);
            headerOnly.ReadHeader();
            return new CsvTable([.. headerOnly.Headers], rows);
        }

        return new CsvTable([.. reader.Headers], rows);
    }
}
