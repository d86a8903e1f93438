using System.Text.Json;
using OrderConsole.Core.Events;

namespace OrderConsole.Core.Storage.Journal;

/// <summary>
/// One kind of journal record: its name on disk and the type of its data (written with the wire JSON
/// conventions). Declare one per kind of state change, e.g.
/// <c>static readonly JournalKind&lt;Supplier&gt; SupplierSaved = new("supplier");</c>; names never change once written.
/// </summary>
public sealed class JournalKind<T>(string name)
{
    public string Name { get; } = name;

    /// <summary>The change to append: this kind with <paramref name="data"/>.</summary>
    public JournalChange Of(T data) => new(Name, data, typeof(T));

    /// <summary>Reads this kind's data back from a replayed record.</summary>
    public T Read(JsonElement data) =>
        data.Deserialize<T>(WireJson.Options) ?? throw new JsonException($"a journal record of kind {Name} has no data");
}

/// <summary>One state change to append to the journal; several appended together form one atomic frame.</summary>
public sealed record JournalChange(string Kind, object? Data, Type DataType);
