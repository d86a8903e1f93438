using Microsoft.Extensions.Logging;

namespace OrderConsole.Core.Storage.Journal;

/// <summary>Compaction: the journal rewritten as every part's snapshot, then the frames appended while it was being written.</summary>
public sealed partial class StoreJournal
{
    private void CompactInBackground()
    {
        var compacting = _path + ".compacting";
        try
        {
            // Frames appended from now on are kept (see Append) and written after the snapshot, so the snapshots,
            // taken part by part under each part's own lock, may overlap them: replaying a change twice sets the same state.
            var before = Length;
            using var target = File.OpenHandle(compacting, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
            long length = 0;
            RandomAccess.Write(target, JournalFrame.FileHeader, length);
            length += JournalFrame.HeaderSize;
            foreach (var part in _parts)
            {
                foreach (var chunk in part.Snapshot().Chunk(SnapshotChangesPerFrame))
                {
                    var frame = JournalPayload.Encode(chunk);
                    RandomAccess.Write(target, frame, length);
                    length += frame.Length;
                }
            }

            RandomAccess.FlushToDisk(target);
            lock (_lock)
            {
                ThrowIfFailed();
                foreach (var frame in _compactionTail!)
                {
                    RandomAccess.Write(target, frame, length);
                    length += frame.Length;
                }

                RandomAccess.FlushToDisk(target);
                File.Move(compacting, _path, overwrite: true);

                var old = _file!;
                _file = File.OpenHandle(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
                old.Dispose();
                _length = length;
                _lengthAfterCompaction = length;
                _compactionTail = null;
            }

            LogCompacted(_path, before, length);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or StoreUnavailableException)
        {
            LogCompactionFailed(failure, _path);
            TryDelete(compacting);
        }
        finally
        {
            // Appends stop keeping their frames for this compaction, whichever way it ended.
            lock (_lock)
            {
                _compactionTail = null;
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Overwritten by the next compaction.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store: compacted the journal {JournalFile} from {BytesBefore} to {BytesAfter} bytes")]
    private partial void LogCompacted(string journalFile, long bytesBefore, long bytesAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded store: compacting the journal {JournalFile} failed; it keeps growing until the next attempt")]
    private partial void LogCompactionFailed(Exception failure, string journalFile);
}
