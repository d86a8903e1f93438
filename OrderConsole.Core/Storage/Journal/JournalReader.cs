namespace OrderConsole.Core.Storage.Journal;

/// <summary>
/// Reads a journal file frame by frame and stops at the first frame that is incomplete or fails its checksum:
/// everything before it is intact, nothing after it can be trusted.
/// </summary>
public sealed class JournalReader
{
    /// <summary>What reading found: the intact frames' payloads, where they end, and what came after them.</summary>
    public sealed record Result(IReadOnlyList<ReadOnlyMemory<byte>> Frames, long IntactLength, long FileLength, JournalDamage Damage);

    public static Result Read(string path)
    {
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        if (bytes.Length < JournalFrame.HeaderSize)
        {
            // Nothing, or a header a crash cut short: an empty journal either way.
            return new Result([], 0, bytes.Length, bytes.Length == 0 ? JournalDamage.None : JournalDamage.TornTail);
        }

        if (!bytes.AsSpan(0, JournalFrame.HeaderSize).SequenceEqual(JournalFrame.FileHeader))
        {
            throw new InvalidDataException($"{path} is not an OrderConsole journal (its first bytes are not the journal header)");
        }

        var frames = new List<ReadOnlyMemory<byte>>();
        long offset = JournalFrame.HeaderSize;
        while (offset < bytes.Length)
        {
            var remaining = bytes.Length - offset;
            if (remaining < JournalFrame.PrefixSize)
            {
                return new Result(frames, offset, bytes.Length, JournalDamage.TornTail);
            }

            var (length, checksum) = JournalFrame.ReadPrefix(bytes.AsSpan((int)offset, JournalFrame.PrefixSize));
            if (length > JournalFrame.MaxPayloadSize)
            {
                return new Result(frames, offset, bytes.Length, JournalDamage.Damaged);
            }

            if (length > remaining - JournalFrame.PrefixSize)
            {
                return new Result(frames, offset, bytes.Length, JournalDamage.TornTail);
            }

            var payload = bytes.AsMemory((int)offset + JournalFrame.PrefixSize, length);
            if (!JournalFrame.Matches(payload.Span, checksum))
            {
                // The last frame of the file half-written is a torn tail; a bad frame with more after it is damage.
                var end = offset + JournalFrame.PrefixSize + length;
                return new Result(frames, offset, bytes.Length, end == bytes.Length ? JournalDamage.TornTail : JournalDamage.Damaged);
            }

            frames.Add(payload);
            offset += JournalFrame.PrefixSize + length;
        }

        return new Result(frames, offset, bytes.Length, JournalDamage.None);
    }
}

/// <summary>What a journal held after its last intact frame.</summary>
public enum JournalDamage
{
    /// <summary>Nothing: every byte belongs to an intact frame.</summary>
    None,

    /// <summary>The last frame is incomplete or fails its checksum: a write a crash cut short.</summary>
    TornTail,

    /// <summary>A frame before the end fails its checksum or has an impossible length: the file was damaged.</summary>
    Damaged,
}
