using Microsoft.Extensions.Logging;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Journal;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage.Journal;

/// <summary>A data folder of a test's own in the temporary folder, where embedded stores are opened, closed and reopened.</summary>
public sealed class JournalFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oc-journal-" + Guid.NewGuid().ToString("N"));

    public RecordingLogger Log { get; } = new();

    public string JournalFile => System.IO.Path.Combine(Path, JournalOptions.FileName);

    public ManualClock Clock { get; } = new();

    /// <summary>Opens the embedded store on this folder (replaying what an earlier one left).</summary>
    public EmbeddedStore Open(
        JournalFsync fsync = JournalFsync.EverySec, long compactionThresholdBytes = 64L * 1024 * 1024, int feedCapacity = EmbeddedStore.DefaultFeedCapacity) =>
        EmbeddedStore.Open(new JournalOptions { DataPath = Path, Fsync = fsync, CompactionThresholdBytes = compactionThresholdBytes }, Clock, Log, feedCapacity);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>A logger that keeps what was logged, to check what an operator would read.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
