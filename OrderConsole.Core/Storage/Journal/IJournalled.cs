namespace OrderConsole.Core.Storage.Journal;

/// <summary>
/// A part of the embedded store whose state the journal keeps: it says how to replay each kind it writes,
/// and gives its whole state as changes of those kinds when the journal is compacted.
/// </summary>
public interface IJournalled
{
    /// <summary>Registers a handler for every kind this part appends (see <see cref="JournalReplay.On{T}"/>).</summary>
    void RegisterReplay(JournalReplay replay);

    /// <summary>
    /// The part's whole state as changes, taken under its own lock. Replaying them into an empty part, then any
    /// change appended meanwhile, must give the same state: so every kind sets a value (idempotent), never adds to one.
    /// </summary>
    IReadOnlyList<JournalChange> Snapshot();
}
