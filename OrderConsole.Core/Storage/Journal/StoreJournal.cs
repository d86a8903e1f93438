using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace OrderConsole.Core.Storage.Journal;

/// <summary>
/// The embedded store's journal: every write of every <see cref="IJournalled"/> part is appended as one frame,
/// replayed at start, and compacted into a snapshot plus the writes made meanwhile once the file has grown.
/// Each frame goes to the operating system before <see cref="Append"/> returns; <see cref="JournalOptions.Fsync"/>
/// says when it is forced to the disk. One process at a time owns a data folder.
/// </summary>
public sealed partial class StoreJournal : IDisposable
{
    private const int SnapshotChangesPerFrame = 500;

    private readonly JournalOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly string _folder;
    private readonly string _path;
    private IReadOnlyList<IJournalled> _parts = [];
    private FileStream? _folderLock;
    private SafeFileHandle? _file;
    private long _length;
    private long _lengthAfterCompaction;
    private bool _unflushed;
    private List<byte[]>? _compactionTail;
    private Task _compaction = Task.CompletedTask;
    private Exception? _failure;
    private Timer? _flushTimer;

    public StoreJournal(JournalOptions options, ILogger logger)
    {
        if (!options.IsDurable)
        {
            throw new ArgumentException("a journal needs a data folder", nameof(options));
        }

        _options = options;
        _logger = logger;
        _folder = Path.GetFullPath(options.DataPath!);
        _path = Path.Combine(_folder, JournalOptions.FileName);
    }

    /// <summary>The journal file.</summary>
    public string FilePath => _path;

    /// <summary>The journal's size in bytes now.</summary>
    public long Length
    {
        get
        {
            lock (_lock)
            {
                return _length;
            }
        }
    }

    /// <summary>True once a write failed: the journal takes no more (see <see cref="Append"/>).</summary>
    public bool IsFailed
    {
        get
        {
            lock (_lock)
            {
                return _failure is not null;
            }
        }
    }

    /// <summary>What the last start replayed.</summary>
    public JournalReplayReport? Replayed { get; private set; }

    /// <summary>
    /// Takes the data folder (creating it), replays the journal into <paramref name="parts"/>, cuts off a torn or
    /// damaged end (with a warning; a damaged file is first copied aside), and starts appending.
    /// </summary>
    public JournalReplayReport Open(IReadOnlyList<IJournalled> parts)
    {
        _parts = parts;
        Directory.CreateDirectory(_folder);
        _folderLock = TakeFolder();

        var replay = new JournalReplay();
        foreach (var part in parts)
        {
            part.RegisterReplay(replay);
        }

        var started = Stopwatch.GetTimestamp();
        var read = JournalReader.Read(_path);
        long changes = 0;
        foreach (var frame in read.Frames)
        {
            changes += JournalPayload.Replay(frame, replay);
        }

        if (read.Damage != JournalDamage.None)
        {
            SetAsideDamage(read);
        }

        _file = File.OpenHandle(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        _length = Math.Max(read.IntactLength, 0);
        RandomAccess.SetLength(_file, _length);
        if (_length == 0)
        {
            RandomAccess.Write(_file, JournalFrame.FileHeader, 0);
            _length = JournalFrame.HeaderSize;
            RandomAccess.FlushToDisk(_file);
        }

        _lengthAfterCompaction = _length;
        if (_options.Fsync == JournalFsync.EverySec)
        {
            _flushTimer = new Timer(_ => FlushIfNeeded(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }

        Replayed = new JournalReplayReport(read.Frames.Count, changes, _length, Stopwatch.GetElapsedTime(started), read.Damage);
        LogOpened(_path, read.Frames.Count, changes, _length, Replayed.Elapsed.TotalMilliseconds);
        return Replayed;
    }

    /// <summary>
    /// Appends one write's changes as one frame. A journal that cannot be written refuses every later write
    /// (<see cref="StoreUnavailableException"/>) until the console restarts.
    /// </summary>
    public void Append(IReadOnlyList<JournalChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var frame = JournalPayload.Encode(changes);
        lock (_lock)
        {
            ThrowIfFailed();
            var file = _file ?? throw new InvalidOperationException("the journal is not open");
            try
            {
                RandomAccess.Write(file, frame, _length);
                _length += frame.Length;
                if (_options.Fsync == JournalFsync.Always)
                {
                    RandomAccess.FlushToDisk(file);
                }
                else
                {
                    _unflushed = true;
                }
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                _failure = failure;
                LogWriteFailed(failure, _path);
                throw Unavailable();
            }

            _compactionTail?.Add(frame);
            if (_compactionTail is null && _compaction.IsCompleted && ShouldCompact())
            {
                _compactionTail = [];
                _compaction = Task.Run(CompactInBackground);
            }
        }
    }

    /// <summary>Rewrites the journal as a snapshot of every part plus what was appended while it was written; returns the new size.</summary>
    public async Task<long> CompactAsync()
    {
        Task running;
        lock (_lock)
        {
            ThrowIfFailed();
            if (_compaction.IsCompleted)
            {
                _compactionTail = [];
                _compaction = Task.Run(CompactInBackground);
            }

            running = _compaction;
        }

        await running;
        return Length;
    }

    /// <summary>Forces what was appended to the disk now (the <c>everysec</c> timer's work).</summary>
    public void Flush()
    {
        SafeFileHandle? file;
        lock (_lock)
        {
            file = _file;
            _unflushed = false;
        }

        if (file is { IsClosed: false })
        {
            RandomAccess.FlushToDisk(file);
        }
    }

    public void Dispose()
    {
        _flushTimer?.Dispose();
        try
        {
            _compaction.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Logged where it failed; the journal as it stands is still whole.
        }

        lock (_lock)
        {
            if (_file is { IsClosed: false } file)
            {
                if (_failure is null)
                {
                    RandomAccess.FlushToDisk(file);
                }

                file.Dispose();
            }

            _folderLock?.Dispose();
        }
    }

    private bool ShouldCompact() =>
        _length > _options.CompactionThresholdBytes && _length > 2 * _lengthAfterCompaction;

    private void FlushIfNeeded()
    {
        try
        {
            bool unflushed;
            lock (_lock)
            {
                unflushed = _unflushed && _failure is null;
            }

            if (unflushed)
            {
                Flush();
            }
        }
        catch (Exception failure) when (failure is IOException or ObjectDisposedException)
        {
            LogFlushFailed(failure, _path);
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw Unavailable();
        }
    }

    private StoreUnavailableException Unavailable() =>
        new($"the embedded store's journal {_path} could not be written ({_failure!.Message}); it takes no writes until the console restarts",
            outcomeUnknown: true, _failure);

    private FileStream TakeFolder()
    {
        var lockPath = Path.Combine(_folder, "journal.lock");
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException taken)
        {
            throw new InvalidOperationException(
                $"the data folder {_folder} is in use by another console (Storage:DataPath); the embedded store serves one instance: give each its own folder, or use Redis", taken);
        }
    }

    private void SetAsideDamage(JournalReader.Result read)
    {
        if (read.Damage == JournalDamage.Damaged)
        {
            var copy = Path.Combine(_folder, $"journal-damaged-{DateTime.UtcNow:yyyyMMddTHHmmssZ}.ocj");
            File.Copy(_path, copy, overwrite: true);
            LogDamaged(_path, read.IntactLength, read.FileLength - read.IntactLength, read.Frames.Count, copy);
        }
        else
        {
            LogTornTail(_path, read.IntactLength, read.FileLength - read.IntactLength, read.Frames.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store: replayed {Frames} writes ({Changes} changes, {Bytes} bytes) from {JournalFile} in {ElapsedMs:F0} ms")]
    private partial void LogOpened(string journalFile, int frames, long changes, long bytes, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded store: the journal {JournalFile} ended in an incomplete record at byte {Offset} ({Bytes} bytes, a write cut short by a crash); it was skipped, and the store starts with the {Frames} complete writes before it")]
    private partial void LogTornTail(string journalFile, long offset, long bytes, int frames);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded store: the journal {JournalFile} is damaged at byte {Offset} ({Bytes} bytes from there on fail their checksum); the store starts with the {Frames} intact writes before it. The whole file was copied to {DamagedCopy}")]
    private partial void LogDamaged(string journalFile, long offset, long bytes, int frames, string damagedCopy);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Embedded store: the journal {JournalFile} could not be written; the store takes no more writes until the console restarts")]
    private partial void LogWriteFailed(Exception failure, string journalFile);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded store: the journal {JournalFile} could not be flushed to disk")]
    private partial void LogFlushFailed(Exception failure, string journalFile);
}

/// <summary>What a start replayed from the journal.</summary>
public sealed record JournalReplayReport(int Writes, long Changes, long Bytes, TimeSpan Elapsed, JournalDamage Damage);
