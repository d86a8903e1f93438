using System.Buffers.Binary;
using System.IO.Hashing;

namespace OrderConsole.Core.Storage.Journal;

/// <summary>
/// The journal's file format: an 8-byte header, then frames of [payload length: uint32 LE][CRC-32 of the
/// payload: uint32 LE][payload: UTF-8 JSON]. One frame is one atomic write; the length and checksum let a
/// reader tell a complete frame from one a crash cut short or a disk damaged.
/// </summary>
public static class JournalFrame
{
    /// <summary>Marks a file as an OrderConsole journal, version 1.</summary>
    public static ReadOnlySpan<byte> FileHeader => "OCJRNL01"u8;

    public const int HeaderSize = 8;

    /// <summary>Frame header: length and checksum.</summary>
    public const int PrefixSize = 8;

    /// <summary>No single write comes near this; a larger length can only be damage.</summary>
    public const int MaxPayloadSize = 256 * 1024 * 1024;

    /// <summary>The frame for <paramref name="payload"/>, ready to append.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[PrefixSize + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(payload));
        payload.CopyTo(frame.AsSpan(PrefixSize));
        return frame;
    }

    /// <summary>Reads the length and checksum of a frame from its prefix.</summary>
    public static (int Length, uint Checksum) ReadPrefix(ReadOnlySpan<byte> prefix) =>
        ((int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(prefix), int.MaxValue), BinaryPrimitives.ReadUInt32LittleEndian(prefix[4..]));

    public static bool Matches(ReadOnlySpan<byte> payload, uint checksum) => Crc32.HashToUInt32(payload) == checksum;
}
