using System.Text.Json;

namespace OrderConsole.Core.Storage.Journal;

/// <summary>The table from record kind to the handler that puts its data back into the store, filled by every <see cref="IJournalled"/> part.</summary>
public sealed class JournalReplay
{
    private readonly Dictionary<string, Action<JsonElement>> _handlers = new(StringComparer.Ordinal);

    /// <summary>Replays records of <paramref name="kind"/> with <paramref name="apply"/>; each kind has one handler.</summary>
    public JournalReplay On<T>(JournalKind<T> kind, Action<T> apply)
    {
        if (!_handlers.TryAdd(kind.Name, data => apply(kind.Read(data))))
        {
            throw new InvalidOperationException($"the journal record kind {kind.Name} is registered twice");
        }

        return this;
    }

    /// <summary>Applies one replayed change.</summary>
    public void Apply(string kind, JsonElement data)
    {
        if (!_handlers.TryGetValue(kind, out var handler))
        {
            throw new InvalidDataException(
                $"the journal holds a record of kind \"{kind}\" that this version of the console does not know; was it written by a newer version?");
        }

        handler(data);
    }
}
