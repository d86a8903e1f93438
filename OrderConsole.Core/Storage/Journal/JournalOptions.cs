namespace OrderConsole.Core.Storage.Journal;

/// <summary>
/// Where the embedded store keeps its journal and how it flushes it (<c>Storage:*</c>). An empty
/// <see cref="DataPath"/> means no journal: the store lives only as long as the process.
/// </summary>
public sealed record JournalOptions
{
    /// <summary>The data folder (created when missing); empty or blank for the volatile mode.</summary>
    public string? DataPath { get; init; }

    public JournalFsync Fsync { get; init; } = JournalFsync.EverySec;

    /// <summary>Compaction starts when the journal grows past this many bytes and has doubled since the last one.</summary>
    public long CompactionThresholdBytes { get; init; } = 64L * 1024 * 1024;

    public const string FileName = "journal.ocj";

    public bool IsDurable => !string.IsNullOrWhiteSpace(DataPath);
}

/// <summary>When appended records reach the disk, as Redis's <c>appendfsync</c>. Every record reaches the operating system at once, so a killed process loses nothing; these say what a power cut may lose.</summary>
public enum JournalFsync
{
    /// <summary>Once a second (at most a second of writes lost on a power cut).</summary>
    EverySec,

    /// <summary>Before each write returns (nothing lost; each write waits for the disk).</summary>
    Always,

    /// <summary>When the operating system chooses.</summary>
    No,
}
